/**
 * Notices visitors who left: when a visitor's last socket closes and none comes back within
 * `afterSeconds`, `onLeft` runs once for them. A reconnect (a reload, a flaky network) in time
 * cancels it. Kept in memory; after a restart, `expectBack` starts the wait for the visitors
 * still queued, since every socket closed with the old process.
 */
export class VisitorDepartures {
  readonly #sockets = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly afterSeconds: number,
    private readonly onLeft: (visitorId: string) => void,
  ) {}

  connected(visitorId: string): void {
    this.#sockets.set(visitorId, (this.#sockets.get(visitorId) ?? 0) + 1);
    clearTimeout(this.#timers.get(visitorId));
    this.#timers.delete(visitorId);
  }

  disconnected(visitorId: string): void {
    const left = (this.#sockets.get(visitorId) ?? 1) - 1;
    if (left > 0) {
      this.#sockets.set(visitorId, left);
      return;
    }
    this.#sockets.delete(visitorId);
    this.#wait(visitorId);
  }

  /** Visitors who had sockets before this process started: each has `afterSeconds` to return. */
  expectBack(visitorIds: Iterable<string>): void {
    for (const visitorId of visitorIds) {
      if (!this.#sockets.has(visitorId) && !this.#timers.has(visitorId)) this.#wait(visitorId);
    }
  }

  #wait(visitorId: string): void {
    const timer = setTimeout(() => {
      this.#timers.delete(visitorId);
      this.onLeft(visitorId);
    }, this.afterSeconds * 1000);
    timer.unref();
    this.#timers.set(visitorId, timer);
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
