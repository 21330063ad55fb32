/**
 * A duplicated browser tab starts with a copy of the original's `sessionStorage`, refresh token
 * included. Were both tabs to use it, the second refresh would present a spent token and the
 * server would revoke the session in both (refresh-token reuse detection). So the page that uses
 * a stored session holds a Web Lock named after it for as long as the page lives, and a page that
 * finds that lock held by another live page is a copy: it leaves the session alone.
 */

const CLAIM_KEY = 'switchboard.session-claim';
/** A reloaded page waits this long for its previous document to let go of the lock. */
const RELOAD_GRACE_MS = 2_000;

export type SessionLocks = Pick<LockManager, 'request'>;

/** The claim this page holds, if any. */
let held: string | null = null;

const lockName = (claim: string) => `switchboard-session:${claim}`;

/** Holds `claim`'s lock until the page goes; false if another page kept it for `waitMs`. */
function hold(locks: SessionLocks, claim: string, waitMs?: number): Promise<boolean> {
  return new Promise((resolve) => {
    const options = waitMs === undefined ? {} : { signal: AbortSignal.timeout(waitMs) };
    locks
      .request(lockName(claim), options, () => {
        held = claim;
        resolve(true);
        return new Promise<never>(() => {});
      })
      .catch(() => resolve(false));
  });
}

/**
 * Whether this page may use the session stored in `storage`: true unless another live page holds
 * it. Without Web Locks there is nothing to ask, and the session is used.
 */
export async function claimStoredSession(
  storage: Storage,
  locks: SessionLocks | undefined,
): Promise<boolean> {
  if (!locks) return true;
  const claim = storage.getItem(CLAIM_KEY);
  if (!claim) {
    claimNewSession(storage, locks);
    return true;
  }
  return held === claim || hold(locks, claim, RELOAD_GRACE_MS);
}

/** A session this page stores from now on is its own, unless it already holds the stored claim. */
export function claimNewSession(storage: Storage, locks: SessionLocks | undefined): void {
  const stored = storage.getItem(CLAIM_KEY);
  if (stored && stored === held) return;
  const claim = crypto.randomUUID();
  storage.setItem(CLAIM_KEY, claim);
  // A fresh name: nobody else can hold it, so it is this page's from now on (the grant is async).
  held = claim;
  if (locks) void hold(locks, claim);
}

export function dropClaim(storage: Storage): void {
  storage.removeItem(CLAIM_KEY);
}
