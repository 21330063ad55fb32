import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config.js';
import { DomainError } from '../domain/errors.js';

export type LimitName = keyof Omit<Config['limits'], 'maxSocketFrameBytes' | 'uploadMaxBytes'>;

export const LIMIT_NAMES: readonly LimitName[] = [
  'loginPerIp',
  'loginPerAccount',
  'handshakesPerIp',
  'visitorSessionsPerIp',
  'conversationsPerIp',
  'messagesPerSocket',
  'typingPerSocket',
  'pageViewsPerSocket',
  'requestsPerSocket',
  'uploadsPerPrincipal',
  'leaveMessagesPerVisitor',
  'emailTestsPerUser',
  'emailRepliesPerConversation',
];

/** Every rate limit set to the same generous window: for tests and benchmarks that are not about limits. */
export function relaxedLimits(
  points: number,
  seconds: number,
): Record<LimitName, { points: number; seconds: number }> {
  return Object.fromEntries(LIMIT_NAMES.map((name) => [name, { points, seconds }])) as Record<
    LimitName,
    { points: number; seconds: number }
  >;
}

/** One limiter per abuse limit of SECURITY S7. In memory; a Redis store comes with scale-out. */
export class RateLimits {
  readonly #limiters: Map<LimitName, RateLimiterMemory>;

  constructor(limits: Config['limits']) {
    this.#limiters = new Map(
      LIMIT_NAMES.map((name) => [
        name,
        new RateLimiterMemory({ points: limits[name].points, duration: limits[name].seconds }),
      ]),
    );
  }

  /** Spends one point or throws `rate-limited` with the seconds to wait. */
  async consume(name: LimitName, key: string): Promise<void> {
    const limiter = this.#limiters.get(name);
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
        throw new DomainError('rate-limited', `Too many requests; retry in ${retryAfterSeconds}s.`, {
          retryAfterSeconds,
        });
      }
      throw error;
    }
  }

  /** A successful login clears the account's failed attempts. */
  async reset(name: LimitName, key: string): Promise<void> {
    await this.#limiters.get(name)?.delete(key);
  }
}
