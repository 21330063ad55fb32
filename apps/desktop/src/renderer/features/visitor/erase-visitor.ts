import type { VisitorErased } from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { i18n } from '../../i18n/index.js';
import { useConversations } from '../conversations/store.js';
import { forgetConversations } from '../privacy/forget-conversations.js';
import { toastError, useToasts } from '../toasts/store.js';

/** What an erasure deleted, in the app's language: "Erased 2 conversations, 14 messages and 1 file." */
export function erasedText(erased: VisitorErased): string {
  return i18n.t('visitor.erase.done', {
    conversations: i18n.t('visitor.erase.conversations', { count: erased.conversations }),
    messages: i18n.t('visitor.erase.messages', { count: erased.messages }),
    files: i18n.t('visitor.erase.files', { count: erased.attachments }),
  });
}

/**
 * An admin erases a visitor for good (the right to erasure): what went is said in a toast, a
 * refusal (a chat of theirs still open) too. True when it is done.
 */
export async function eraseVisitor(visitorId: string): Promise<boolean> {
  const connection = runtime.connection;
  if (!connection) return false;
  const result = await connection.rest('eraseVisitor', { params: { visitorId }, body: {} });
  if (!result.ok) {
    toastError('erase', result.error);
    return false;
  }
  useToasts.getState().push(erasedText(result.data), 'info');
  // The server's `conversation:erased` follows; this workbench need not wait for it.
  await forgetConversations(useConversations.getState().byVisitor[visitorId] ?? []);
  return true;
}
