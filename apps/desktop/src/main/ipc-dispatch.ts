import { z } from 'zod';
import { bridgeChannels, type Channel } from '../shared/bridge.js';
import type { Handlers } from './handlers.js';
import { isAllowedOrigin } from './services/external-links.js';

export interface DispatchOptions {
  handlers: Handlers;
  /** Origins the UI is loaded from (the app bundle's, SECURITY D2). */
  trustedOrigins: readonly string[];
  log: (message: string, details: Record<string, unknown>) => void;
}

export class BridgeCallRejected extends Error {
  constructor() {
    super('The bridge call was rejected.');
  }
}

/**
 * One bridge call: checks the sender frame's origin and parses the payload with the channel's
 * schema (SECURITY D5). A bad call is logged and rejected with no details; it never reaches a
 * handler and never crashes main.
 */
export function createDispatcher(options: DispatchOptions) {
  const { handlers, trustedOrigins, log } = options;
  return async function dispatch(
    channel: string,
    senderUrl: string | undefined,
    payload: unknown,
  ): Promise<unknown> {
    if (!Object.hasOwn(bridgeChannels, channel)) {
      log('bridge: unknown channel dropped', { channel });
      throw new BridgeCallRejected();
    }
    const name = channel as Channel;
    if (!isAllowedOrigin(senderUrl, trustedOrigins)) {
      log('bridge: call from an untrusted frame dropped', { channel, senderUrl });
      throw new BridgeCallRejected();
    }
    const parsed = bridgeChannels[name].request.safeParse(payload);
    if (!parsed.success) {
      log('bridge: invalid payload dropped', {
        channel,
        issues: z.prettifyError(parsed.error).slice(0, 500),
      });
      throw new BridgeCallRejected();
    }
    try {
      const handler = handlers[name] as (request: unknown) => unknown;
      return await handler(parsed.data);
    } catch (error) {
      log('bridge: handler failed', {
        channel,
        error: error instanceof Error ? error.message : String(error),
      });
      throw new BridgeCallRejected();
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
