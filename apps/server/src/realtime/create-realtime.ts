import type { Server as HttpServer } from 'node:http';
import { NAMESPACES } from '@switchboard/protocol';
import { Server } from 'socket.io';
import type { Config } from '../config/config.js';
import { agentHandlers, onAgentConnection } from './agent-handlers.js';
import { Broadcaster } from './broadcaster.js';
import { ConversationViewersRegistry } from './conversation-viewers.js';
import { authenticateHandshake } from './handshake.js';
import { RoutingPushes } from './routing-pushes.js';
import type { TransportDeps } from './services.js';
import { feedAware, SupervisorFeed } from './supervisor-feed.js';
import { followTeamChange } from './team-changes.js';
import { sweepExpiredSockets } from './token-expiry.js';
import type { AgentNamespace, AgentSocket, VisitorNamespace, VisitorSocket } from './types.js';
import { VisitorDepartures } from './visitor-departures.js';
import { onVisitorConnection, visitorHandlers } from './visitor-handlers.js';

export interface Realtime {
  io: Server;
  broadcast: Broadcaster;
  /** A signed-in user's teams changed: their live sockets follow at once. */
  followTeamChange(userId: string, teamIds: string[]): Promise<void>;
  close(): Promise<void>;
}

export function createRealtime(httpServer: HttpServer, config: Config, deps: TransportDeps): Realtime {
  const io = new Server(httpServer, {
    // Chat frames are small; files go over HTTP upload (SECURITY S5).
    maxHttpBufferSize: config.limits.maxSocketFrameBytes,
    // A browser on an unknown origin is refused before any namespace sees it (SECURITY S6).
    allowRequest: (request, callback) => {
      const allowed = deps.origins.isKnown(request.headers.origin);
      callback(allowed ? null : 'origin-not-allowed', allowed);
    },
    cors: {
      origin: (origin, callback) => callback(null, deps.origins.isKnown(origin)),
      credentials: false,
    },
    serveClient: false,
  });

  const visitorNs: VisitorNamespace = io.of(NAMESPACES.visitor);
  const agentNs: AgentNamespace = io.of(NAMESPACES.agent);
  const broadcast = new Broadcaster(visitorNs, agentNs);
  const feed = new SupervisorFeed(deps.feedView, agentNs, deps.logger);
  deps.routing.setEvents(
    feedAware(
      new RoutingPushes(broadcast, deps.conversations, deps.routing, agentNs, visitorNs, deps.logger),
      feed,
    ),
  );
  broadcast.onConversation(() => feed.touch(true));
  broadcast.onVisitedPage((conversationId, page) => {
    deps.feedView.visitedPage(conversationId, page);
    feed.touch();
  });
  broadcast.onVisitorPresence((visitorId, leftAt) => {
    deps.feedView.visitorPresence(visitorId, leftAt);
    feed.touch();
  });
  deps.privacy.onErased((erased) => broadcast.erased(erased));

  // Anything outside the two namespaces is refused.
  io.use((_socket, next) =>
    next(Object.assign(new Error('Use /visitor or /agent.'), { data: { code: 'not-found' } })),
  );

  const visitorEvents = visitorHandlers(deps, broadcast);
  // A visitor gone for good while still queued: their conversation closes as abandoned.
  const departures = new VisitorDepartures(config.routing.abandonAfterSeconds, (visitorId) => {
    deps.conversations.abandonQueued(visitorId).then(
      (closed) => {
        for (const conversation of closed) broadcast.conversation(conversation);
      },
      (error: unknown) => deps.logger.error({ err: error }, 'closing an abandoned conversation failed'),
    );
  });
  // Every visitor's socket closed with the previous process: nobody is on the site until they
  // connect again, and those still queued must return.
  deps.visitors
    .awayFromStart(Date.now())
    .then(() => deps.conversations.queuedVisitors())
    .then(
      (visitors) => departures.expectBack(visitors),
      (error: unknown) =>
        deps.logger.error({ err: error }, 'marking visitors away at start or listing the queued ones failed'),
    );
  // The visitor came (null) or went, as recorded: the staff on their live chats see it.
  const pushPresence = async (visitorId: string, leftAt: string | null) =>
    broadcast.visitorPresence(visitorId, leftAt, await deps.conversations.liveOfVisitor(visitorId));
  const presenceFailed = (error: unknown) =>
    deps.logger.error({ err: error }, 'recording a visitor’s presence failed');
  visitorNs.use(authenticateHandshake('visitor', deps));
  visitorNs.on('connection', (socket: VisitorSocket) => {
    const { visitorId } = socket.data.principal;
    deps.metrics.connections.inc({ namespace: 'visitor' });
    if (departures.connected(visitorId))
      deps.visitors
        .back(visitorId)
        .then((wasGone) => (wasGone ? pushPresence(visitorId, null) : undefined))
        .catch(presenceFailed);
    socket.on('disconnect', () => {
      deps.metrics.connections.dec({ namespace: 'visitor' });
      if (!departures.disconnected(visitorId)) return;
      const leftAt = new Date().toISOString();
      deps.visitors
        .left(visitorId, leftAt)
        .then(() => pushPresence(visitorId, leftAt))
        .catch(presenceFailed);
    });
    onVisitorConnection(socket, deps, visitorEvents).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'visitor connection setup failed');
      socket.disconnect(true);
    });
  });

  const viewers = new ConversationViewersRegistry(agentNs);
  const agentEvents = agentHandlers(deps, broadcast, agentNs, feed, viewers);
  agentNs.use(authenticateHandshake('staff', deps));
  const stopExpirySweep = sweepExpiredSockets(agentNs, {
    graceMs: config.auth.expiredSocketGraceMilliseconds,
    sweepMs: config.auth.expiredSocketSweepMilliseconds,
  });
  agentNs.on('connection', (socket: AgentSocket) => {
    const { userId } = socket.data.principal;
    deps.metrics.connections.inc({ namespace: 'agent' });
    const routed = deps.presence.connected(userId) ? deps.routing.connected(userId) : Promise.resolve();
    feed.touch();
    socket.on('disconnect', () => {
      deps.metrics.connections.dec({ namespace: 'agent' });
      feed.unsubscribe(socket.id);
      feed.touch();
      viewers.set(socket.id, null);
      if (deps.presence.disconnected(userId)) {
        deps.feedView.setHand(userId, false);
        deps.routing
          .disconnected(userId)
          .catch((error: unknown) => deps.logger.error({ err: error }, 'routing disconnect failed'));
      }
    });
    void routed.catch((error: unknown) => deps.logger.error({ err: error }, 'routing connect failed'));
    onAgentConnection(socket, deps, agentEvents, config.auth.expiredSocketGraceMilliseconds).catch(
      (error: unknown) => {
        deps.logger.error({ err: error }, 'agent connection setup failed');
        socket.disconnect(true);
      },
    );
  });

  return {
    io,
    broadcast,
    followTeamChange: (userId, teamIds) => followTeamChange(agentNs, deps, feed, viewers, userId, teamIds),
    close: () => {
      feed.close();
      departures.close();
      stopExpirySweep();
      return new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
