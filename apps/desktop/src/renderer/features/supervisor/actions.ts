import type {
  Conversation,
  Message,
  Result,
  SupervisorDelta,
  TransferTarget,
  VisitorPresenceUpdate,
} from '@switchboard/protocol';
import type { ServerConnection } from '../../api/connection.js';
import { runtime } from '../../app/runtime.js';
import { withVisitorLeftAt } from '../conversations/visitor-presence.js';
import { forgetSupervised } from '../privacy/forget-in-stores.js';
import { type ToastAction, toastError } from '../toasts/store.js';
import { applyDelta, fromSnapshot } from './feed.js';
import { contiguousSeq, useSupervisor } from './store.js';

/**
 * The live feed: `supervisor:subscribe` after every `session:hello` (a new socket has no
 * subscription), deltas applied in order, a fresh snapshot on any version gap. No polling.
 */
export function startFeed(connection: ServerConnection): () => void {
  let subscribing = 0;
  let stopped = false;
  const subscribe = async () => {
    const attempt = ++subscribing;
    const result = await connection.request('supervisor:subscribe', {});
    if (stopped || attempt !== subscribing) return;
    subscribing = 0;
    if (result.ok) useSupervisor.getState().setFeed(fromSnapshot(result.data));
    else if (result.error.code !== 'unavailable') toastError('supervisor', result.error);
  };
  const onHello = () => {
    void subscribe();
    const monitored = useSupervisor.getState().monitored;
    if (monitored) void monitor(monitored.id);
  };
  const onDelta = (delta: SupervisorDelta) => {
    const feed = useSupervisor.getState().feed;
    // Deltas of the previous subscription, before the new snapshot arrives, are ignored.
    if (subscribing || !feed) return;
    const outcome = applyDelta(feed, delta);
    if (outcome.kind === 'applied') useSupervisor.getState().setFeed(outcome.state);
    else if (outcome.kind === 'gap') void subscribe();
  };
  const onMessage = (message: Message) => {
    const { monitored, messages } = useSupervisor.getState();
    if (message.conversationId !== monitored?.id) return;
    const before = contiguousSeq(messages);
    useSupervisor.getState().addMessages([message]);
    if (message.seq > before + 1) void syncMonitored(monitored.id);
  };
  const onConversation = (conversation: Conversation) => {
    if (conversation.id === useSupervisor.getState().monitored?.id)
      useSupervisor.getState().setMonitored(conversation);
  };
  const onPresence = ({ visitorId, leftAt }: VisitorPresenceUpdate) => {
    const monitored = useSupervisor.getState().monitored;
    if (monitored?.visitor.id === visitorId)
      useSupervisor.getState().setMonitored(withVisitorLeftAt(monitored, leftAt));
  };
  const stops = [
    // In the Electron supervisor window, the whole of the page's forgetting (the workbench does more).
    connection.on('conversation:erased', ({ conversationIds }) => forgetSupervised(new Set(conversationIds))),
    connection.on('session:hello', onHello),
    connection.on('supervisor:delta', onDelta),
    connection.on('message:new', onMessage),
    connection.on('conversation:update', onConversation),
    connection.on('visitor:presence', onPresence),
  ];
  if (connection.socket.connected) void subscribe();
  return () => {
    stopped = true;
    for (const stop of stops) stop();
    void connection.request('supervisor:unsubscribe', {});
    void closeMonitor();
    useSupervisor.getState().setFeed(null);
  };
}

function connection(): ServerConnection | null {
  return runtime.connection;
}

/** Every history page after what the panel holds; never a read receipt (monitoring is silent). */
async function syncMonitored(conversationId: string): Promise<void> {
  const c = connection();
  for (;;) {
    if (!c || useSupervisor.getState().monitored?.id !== conversationId) return;
    const afterSeq = contiguousSeq(useSupervisor.getState().messages);
    const result = await c.request('message:sync', { conversationId, afterSeq, limit: 500 });
    if (!result.ok) return toastError('sync', result.error);
    useSupervisor.getState().addMessages(result.data.messages);
    if (!result.data.hasMore) return;
  }
}

/** Opens a chat in the monitor panel: silent (no read state changes, nothing shown to the visitor). */
export async function monitor(conversationId: string): Promise<void> {
  const c = connection();
  if (!c) return;
  const previous = useSupervisor.getState().monitored;
  if (previous && previous.id !== conversationId)
    void c.request('supervisor:unmonitor', { conversationId: previous.id });
  const result = await c.request('supervisor:monitor', { conversationId });
  if (!result.ok) return toastError('monitor', result.error);
  useSupervisor.getState().setMonitored(result.data);
  await syncMonitored(conversationId);
}

export async function closeMonitor(): Promise<void> {
  const monitored = useSupervisor.getState().monitored;
  useSupervisor.getState().setMonitored(null);
  if (monitored) await connection()?.request('supervisor:unmonitor', { conversationId: monitored.id });
}

type Outcome = boolean;

/** One supervisor action; a failure becomes a toast (STYLE 14) and `null`. */
async function act<T>(
  label: ToastAction,
  run: (c: ServerConnection) => Promise<Result<T>>,
): Promise<T | null> {
  const c = connection();
  if (!c) return null;
  const result = await run(c);
  if (result.ok) return result.data;
  toastError(label, result.error);
  return null;
}

export async function whisper(conversationId: string, body: string): Promise<Outcome> {
  const ack = await act('whisper', (c) =>
    c.request('supervisor:whisper', { conversationId, clientMsgId: crypto.randomUUID(), body }),
  );
  if (ack) await syncMonitored(conversationId);
  return ack !== null;
}

/** After barging in, a visible reply is a plain `message:send`. */
export async function sendVisible(conversationId: string, body: string): Promise<Outcome> {
  const ack = await act('send', (c) =>
    c.request('message:send', { conversationId, clientMsgId: crypto.randomUUID(), body }),
  );
  if (ack) await syncMonitored(conversationId);
  return ack !== null;
}

export async function barge(conversationId: string): Promise<Outcome> {
  const conversation = await act('barge', (c) => c.request('supervisor:barge', { conversationId }));
  if (!conversation) return false;
  useSupervisor.getState().setMonitored(conversation);
  useSupervisor.getState().setBarged(true);
  await syncMonitored(conversationId);
  return true;
}

export async function takeover(conversationId: string, reason?: string): Promise<Outcome> {
  const conversation = await act('takeOver', (c) =>
    c.request('supervisor:takeover', reason ? { conversationId, reason } : { conversationId }),
  );
  if (conversation) useSupervisor.getState().setMonitored(conversation);
  return conversation !== null;
}

export async function reassign(conversationId: string, to: TransferTarget, reason: string): Promise<Outcome> {
  const conversation = await act('reassign', (c) =>
    c.request('supervisor:reassign', { conversationId, to, reason }),
  );
  if (conversation) useSupervisor.getState().setMonitored(conversation);
  return conversation !== null;
}

export async function endChat(conversationId: string, note?: string): Promise<Outcome> {
  const conversation = await act('end', (c) =>
    c.request('supervisor:end', note ? { conversationId, note } : { conversationId }),
  );
  if (conversation) useSupervisor.getState().setMonitored(conversation);
  return conversation !== null;
}

export async function forceStatus(userId: string, status: 'online' | 'away' | 'offline'): Promise<Outcome> {
  return (await act('status', (c) => c.request('supervisor:status', { userId, status }))) !== null;
}
