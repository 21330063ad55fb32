import type { TFunction } from 'i18next';
import type { CachedConversation } from '../../../shared/cache-schemas.js';
import { previewText } from '../../../shared/preview-text.js';
import { systemEventText } from '../chat/system-text.js';

/**
 * The newest message a list row shows: the server's or this device's, whichever is newer (the
 * server's for a chat the agent never opened or that moved on elsewhere). A system message in the
 * agent's language; an internal note or a whisper marked as one.
 */
export function previewOf(t: TFunction, item: CachedConversation): string | null {
  const server = item.conversation.lastMessage;
  const last = server && server.seq > (item.newest?.seq ?? 0) ? server : item.newest;
  if (!last) return null;
  const text = last.systemEvent
    ? systemEventText(t, last.systemEvent)
    : previewText(last.text, last.fileName);
  return last.visibility === 'agents' ? t('lists.note', { text }) : text;
}
