/**
 * Which staff members have a live connection, per team. In memory: it describes this process's
 * sockets and starts empty after a restart, when clients reconnect.
 */
export class Presence {
  readonly #sockets = new Map<string, { teamIds: readonly string[]; count: number }>();

  connected(userId: string, teamIds: readonly string[]): void {
    const entry = this.#sockets.get(userId);
    this.#sockets.set(userId, { teamIds, count: (entry?.count ?? 0) + 1 });
  }

  disconnected(userId: string): void {
    const entry = this.#sockets.get(userId);
    if (!entry) return;
    if (entry.count <= 1) this.#sockets.delete(userId);
    else entry.count -= 1;
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
