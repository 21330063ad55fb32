import type { Db } from '../../store/open-sqlite.js';
import type { TimelineWrite } from '../../store/routing.js';
import type { RoutingEvents } from './routing-events.js';
import type { RoutingState } from './routing-state.js';

export interface RoutingOptions {
  now: () => number;
  /** How long an agent who lost every connection keeps their chats. */
  disconnectGraceSeconds: number;
}

/**
 * What routing's machinery works with: the store it writes every change through to (before
 * announcing it), the clock, the in-memory state and the transport's events. The functions that
 * take it run inside the routing service's mutex.
 */
export interface RoutingContext {
  readonly db: Db;
  readonly options: RoutingOptions;
  readonly state: RoutingState;
  /** The transport subscribes once it exists (it is built after the domain). */
  events: RoutingEvents | undefined;
}

/** A timeline entry for the conversation, written in the same transaction as the change. */
export function timelineEvent(
  ctx: RoutingContext,
  kind: string,
  actorId: string | null,
  data: object,
): TimelineWrite {
  return { kind, actorId, data, at: ctx.options.now() };
}
