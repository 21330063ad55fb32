/**
 * For a view that asks again on demand (a filter form, a search box, a report's dates): only the
 * answer to the latest question is shown. An earlier request whose answer comes back later, as it
 * may on a busy server, is dropped instead of replacing the newer one.
 */
export class LatestOnly {
  #latest = 0;

  /** Runs `request`; `apply` gets its answer only if no later `run` started meanwhile. */
  async run<T>(request: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const ticket = ++this.#latest;
    const value = await request();
    if (ticket === this.#latest) apply(value);
  }

  /** Drops the answers still on their way: the view was cleared or left. */
  cancel(): void {
    this.#latest++;
  }
}
