import type { Attachment, Message } from '@switchboard/protocol';
import type { OutboxItem } from '../../../shared/cache-schemas.js';
import { requireAccount, runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { useChat } from '../chat/store.js';
import { useConversations } from '../conversations/store.js';
import { useSession } from '../session/store.js';
import { storeMessages } from './cache-writes.js';

/** Worth trying again later with the same clientMsgId; anything else is final (protocol §9). */
/**
 * Refusals that say nothing about the message: it stays pending and goes with the next flush.
 * `token-expired`: the server closes the socket too, and the connection refreshes and reconnects.
 */
const RETRYABLE = new Set(['unavailable', 'internal', 'rate-limited', 'token-expired']);

let flushing: Promise<void> | null = null;
let again = false;

/** Write first, then send (DESIGN: the outbox survives a crash). */
export async function sendMessage(input: {
  conversationId: string;
  body: string;
  internal: boolean;
  attachment?: Attachment | null;
}): Promise<void> {
  const item: OutboxItem = {
    clientMsgId: crypto.randomUUID(),
    conversationId: input.conversationId,
    body: input.body,
    visibility: input.internal ? 'agents' : 'all',
    attachment: input.attachment ?? null,
    status: 'pending',
    error: null,
    createdAt: new Date().toISOString(),
  };
  await bridge['outbox:enqueue']({ ...requireAccount(), item });
  useChat.getState().putOutbox(item);
  void flushOutbox();
}

export async function retry(clientMsgId: string): Promise<void> {
  const item = useChat.getState().outbox[clientMsgId];
  if (!item) return;
  const pending = { ...item, status: 'pending' as const, error: null };
  await bridge['outbox:enqueue']({ ...requireAccount(), item: pending });
  useChat.getState().putOutbox(pending);
  void flushOutbox();
}

/** Sends every pending item in order, one flush at a time; called on connect, after start and on send. */
export function flushOutbox(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await flushOnce();
    } while (again);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function flushOnce(): Promise<void> {
  const connection = runtime.connection;
  const user = useSession.getState().user;
  if (!connection?.socket.connected || !user) return;
  const items = Object.values(useChat.getState().outbox)
    .filter((i) => i.status === 'pending')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  for (const item of items) {
    const result = await connection.request('message:send', {
      conversationId: item.conversationId,
      clientMsgId: item.clientMsgId,
      body: item.body,
      visibility: item.visibility,
      ...(item.attachment ? { attachmentId: item.attachment.id } : {}),
    });
    const account = runtime.account;
    if (!account) return;
    if (result.ok) {
      const message: Message = {
        conversationId: item.conversationId,
        seq: result.data.seq,
        clientMsgId: item.clientMsgId,
        sender: { kind: 'agent', id: user.id, name: user.name },
        body: item.body,
        visibility: item.visibility,
        attachment: item.attachment,
        createdAt: result.data.createdAt,
      };
      // The row follows the reply: its preview, and no longer a visitor waiting for one.
      const touched = await bridge['outbox:ack']({ ...account, clientMsgId: item.clientMsgId, message });
      useConversations.getState().upsert(touched);
      useChat.getState().removeOutbox(item.clientMsgId);
      await storeMessages([message]);
    } else if (RETRYABLE.has(result.error.code)) {
      return; // stays pending; the next connect (or send) flushes again
    } else {
      await bridge['outbox:fail']({ ...account, clientMsgId: item.clientMsgId, error: result.error.message });
      useChat.getState().putOutbox({ ...item, status: 'failed', error: result.error.message });
    }
  }
}
