import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { forgetAttachments } from '../chat/attachments.js';
import { useImageViewer } from '../chat/image-viewer.js';
import { useChat } from '../chat/store.js';
import { stopRinging } from '../notifications/notify.js';
import { usePresence } from '../status/store.js';
import { useSupervisor } from '../supervisor/store.js';
import { forgetInStores } from './forget-in-stores.js';

/** As many as the bridge takes in one call. */
const BRIDGE_BATCH = 1000;

/** The attachments the page holds of these conversations: their files may be in the blob cache. */
function attachmentsOf(gone: ReadonlySet<string>): string[] {
  const { messages } = useChat.getState();
  const held = [...gone].flatMap((id) => messages[id] ?? []);
  const supervised = useSupervisor.getState();
  if (supervised.monitored && gone.has(supervised.monitored.id))
    held.push(...Object.values(supervised.messages));
  const ids = held.flatMap((m) => (m.attachment ? [m.attachment.id] : []));
  const picture = useImageViewer.getState().attachment;
  if (picture && gone.has(picture.conversationId)) ids.push(picture.id);
  return ids;
}

/**
 * Erased conversations (an admin erased their visitor) leave this workbench: the page's stores
 * and files at once, then the account's cache through the host. `erasureSeq`, when given, is kept
 * with them as how far through the server's erasures the cache now is.
 */
export async function forgetConversations(ids: readonly string[], erasureSeq?: number): Promise<void> {
  const gone = new Set(ids);
  forgetAttachments(attachmentsOf(gone));
  for (const id of usePresence.getState().ringing) if (gone.has(id)) stopRinging(id);
  forgetInStores(gone);
  const account = runtime.account;
  if (!account) return;
  const all = [...gone];
  for (let i = 0; i === 0 || i < all.length; i += BRIDGE_BATCH) {
    const last = i + BRIDGE_BATCH >= all.length;
    await bridge['cache:forget-conversations']({
      ...account,
      conversationIds: all.slice(i, i + BRIDGE_BATCH),
      ...(last && erasureSeq !== undefined ? { erasureSeq } : {}),
    });
  }
}
