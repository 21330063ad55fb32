/**
 * Notices visitors who left: when a visitor's last socket closes and none comes back within
 * `afterSeconds`, `onLeft` runs once for them. A reconnect (a reload, a flaky network) in time
 * cancels it. The timers live in memory; after a restart, `expectBack` starts the wait again for
 * the visitors still queued: what was left of it for one who had already left (the caller keeps
 * when), the whole of it for one whose socket closed with the old process.
 */
export class VisitorDepartures {
  readonly #sockets = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly afterSeconds: number,
    private readonly onLeft: (visitorId: string) => void,
  ) {}

  /** True when this is the visitor's first open socket (they were away). */
  connected(visitorId: string): boolean {
    const sockets = (this.#sockets.get(visitorId) ?? 0) + 1;
    this.#sockets.set(visitorId, sockets);
    clearTimeout(this.#timers.get(visitorId));
    this.#timers.delete(visitorId);
    return sockets === 1;
  }

  /** True when it was the visitor's last socket: the wait for them has begun. */
  disconnected(visitorId: string): boolean {
    const left = (this.#sockets.get(visitorId) ?? 1) - 1;
    if (left > 0) {
      this.#sockets.set(visitorId, left);
      return false;
    }
    this.#sockets.delete(visitorId);
    this.#wait(visitorId, this.afterSeconds * 1000);
    return true;
  }

  /**
   * Visitors who had a chat queued before this process started, with when each left (ms; null if
   * their socket was open then): each has what is left of `afterSeconds` since, to return.
   */
  expectBack(visitors: Iterable<{ visitorId: string; leftAt: number | null }>, now = Date.now()): void {
    for (const { visitorId, leftAt } of visitors) {
      if (this.#sockets.has(visitorId) || this.#timers.has(visitorId)) continue;
      const waited = leftAt === null ? 0 : Math.max(0, now - leftAt);
      this.#wait(visitorId, Math.max(0, this.afterSeconds * 1000 - waited));
    }
  }

  #wait(visitorId: string, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(visitorId);
      this.onLeft(visitorId);
    }, ms);
    timer.unref();
    this.#timers.set(visitorId, timer);
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
