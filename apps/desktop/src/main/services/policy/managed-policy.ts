import type { PolicyView } from '../../../shared/managed.js';
import type { LockableSetting } from '../../../shared/settings.js';
import { originOf } from '../external-links.js';
import { settingsLocks } from './effective-config.js';
import { type PolicyHost, readPolicySources } from './policy-sources.js';
import { type ResolvedPolicy, resolvePolicy } from './resolve-policy.js';

export async function loadPolicy(host: PolicyHost): Promise<ResolvedPolicy> {
  const { sources, issues } = await readPolicySources(host);
  return resolvePolicy(sources, issues);
}

/** The resolved policy as main uses it: the renderer's view, and the server-URL lock enforced here. */
export class ManagedPolicy {
  constructor(
    readonly resolved: ResolvedPolicy,
    /** The local server's origin when policy allows one, else null. */
    private readonly localServerOrigin: () => string | null = () => null,
  ) {}

  get locks() {
    return settingsLocks(this.resolved.values);
  }

  view(): PolicyView {
    const locks = this.locks;
    return {
      locked: Object.keys(locks) as LockableSetting[],
      serverUrl: this.resolved.values.ServerUrl ?? null,
      serverUrlLocked: locks.serverUrl !== undefined,
      issues: this.resolved.issues
        .map((issue) => `${issue.source}: ${issue.message}`.slice(0, 1000))
        .slice(0, 100),
    };
  }

  /** A locked server URL is the only server a session may be saved for (besides this computer's own). */
  allowsServer(serverUrl: string): boolean {
    const locked = this.locks.serverUrl;
    if (locked === undefined) return true;
    const origin = originOf(serverUrl);
    return origin !== null && (origin === originOf(locked) || origin === this.localServerOrigin());
  }
}
