/** One running call per key: a caller asking for a key already in flight gets that call's promise. */
export class SharedCalls<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = start().finally(() => {
      if (this.#running.get(key) === started) this.#running.delete(key);
    });
    this.#running.set(key, started);
    return started;
  }

  /** Forgets the calls in flight (they still finish): the next caller starts a new one. */
  clear(): void {
    this.#running.clear();
  }
}
