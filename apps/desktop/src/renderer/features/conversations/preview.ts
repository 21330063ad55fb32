import type { TFunction } from 'i18next';
import type { CachedConversation } from '../../../shared/cache-schemas.js';
import { previewText } from '../../../shared/preview-text.js';
import { systemEventText } from '../chat/system-text.js';

/**
 * The newest message a list row shows: from this device's cache once it has synced that far,
 * else the server's (a waiting chat the agent never opened, or one updated since).
 */
export function previewOf(t: TFunction, item: CachedConversation): string | null {
  const last = item.conversation.lastMessage;
  if (last && last.seq > item.syncedSeq) return previewText(last.text, last.fileName);
  return item.previewEvent ? systemEventText(t, item.previewEvent) : item.preview;
}
