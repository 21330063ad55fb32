import type {
  LiveChat,
  SupervisorAgent,
  SupervisorDelta,
  SupervisorSnapshot,
  TeamTile,
} from '@switchboard/protocol';

/** The supervisor feed as the window holds it: rows by id, and the last applied version. */
export interface FeedState {
  /** 0 right after `supervisor:subscribe`; each delta must be exactly the next. */
  version: number;
  /** The server's clock for the figures (`longestWait` is measured at `at`). */
  at: string;
  teams: Record<string, TeamTile>;
  agents: Record<string, SupervisorAgent>;
  chats: Record<string, LiveChat>;
}

export type DeltaOutcome =
  | { kind: 'applied'; state: FeedState }
  /** Already applied (or from before the latest subscription): ignore. */
  | { kind: 'stale' }
  /** A delta was missed: subscribe again for a fresh snapshot. */
  | { kind: 'gap' };

const byId = <T, K extends keyof T>(rows: readonly T[], key: K) =>
  Object.fromEntries(rows.map((row) => [String(row[key]), row])) as Record<string, T>;

export function fromSnapshot(snapshot: SupervisorSnapshot): FeedState {
  return {
    version: 0,
    at: snapshot.at,
    teams: byId(snapshot.teams, 'teamId'),
    agents: byId(snapshot.agents, 'userId'),
    chats: byId(snapshot.chats, 'conversationId'),
  };
}

function upsert<T>(
  rows: Record<string, T>,
  changed: readonly T[],
  idOf: (row: T) => string,
  removed: readonly string[] = [],
): Record<string, T> {
  if (changed.length === 0 && removed.length === 0) return rows;
  const next = { ...rows };
  for (const row of changed) next[idOf(row)] = row;
  for (const id of removed) delete next[id];
  return next;
}

/** Applies one `supervisor:delta`: upserts by id, then removals; a skipped version is a gap. */
export function applyDelta(state: FeedState, delta: SupervisorDelta): DeltaOutcome {
  if (delta.version <= state.version) return { kind: 'stale' };
  if (delta.version !== state.version + 1) return { kind: 'gap' };
  return {
    kind: 'applied',
    state: {
      version: delta.version,
      at: delta.at,
      teams: upsert(state.teams, delta.teams, (t) => t.teamId),
      agents: upsert(state.agents, delta.agents, (a) => a.userId, delta.agentsRemoved),
      chats: upsert(state.chats, delta.chats, (c) => c.conversationId, delta.chatsRemoved),
    },
  };
}

/** The longest wait now: the server's figure at `at`, ticked locally while someone is still queued. */
export function longestWaitNow(tile: TeamTile, at: string, now: number): number | null {
  const value = tile.longestWait.value;
  if (value === null) return null;
  return value + Math.max(0, Math.floor((now - Date.parse(at)) / 1000));
}
