/**
 * How many live connections each staff member has, so routing hears of the first one and the
 * last one only. In memory: it describes this process's sockets.
 */
export class Presence {
  readonly #sockets = new Map<string, number>();

  /** True for the user's first live socket. */
  connected(userId: string): boolean {
    const count = this.#sockets.get(userId) ?? 0;
    this.#sockets.set(userId, count + 1);
    return count === 0;
  }

  /** True when the user's last live socket closed. */
  disconnected(userId: string): boolean {
    const count = this.#sockets.get(userId);
    if (count === undefined) return false;
    if (count > 1) {
      this.#sockets.set(userId, count - 1);
      return false;
    }
    this.#sockets.delete(userId);
    return true;
  }

  isConnected(userId: string): boolean {
    return this.#sockets.has(userId);
  }
}
