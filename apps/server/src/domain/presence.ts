/**
 * Which staff members have a live connection, per team. In memory: it describes this process's
 * sockets and starts empty after a restart, when clients reconnect.
 */
export class Presence {
  readonly #sockets = new Map<string, { teamIds: readonly string[]; count: number }>();

  /** True for the user's first live socket. */
  connected(userId: string, teamIds: readonly string[]): boolean {
    const entry = this.#sockets.get(userId);
    this.#sockets.set(userId, { teamIds, count: (entry?.count ?? 0) + 1 });
    return entry === undefined;
  }

  /** True when the user's last live socket closed. */
  disconnected(userId: string): boolean {
    const entry = this.#sockets.get(userId);
    if (!entry) return false;
    if (entry.count <= 1) {
      this.#sockets.delete(userId);
      return true;
    }
    entry.count -= 1;
    return false;
  }

  isConnected(userId: string): boolean {
    return this.#sockets.has(userId);
  }

  /** Someone of the team could answer a chat right now. */
  isTeamAvailable(teamId: string | null): boolean {
    if (teamId === null) return false;
    for (const { teamIds } of this.#sockets.values()) if (teamIds.includes(teamId)) return true;
    return false;
  }
}
