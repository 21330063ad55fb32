import { useTranslation } from 'react-i18next';
import { useChat } from '../store.js';

/** What the visitor is writing and has not sent, where their widget shares it: as text, never markup. */
export function VisitorDraft({ conversationId, name }: { conversationId: string; name: string }) {
  const { t } = useTranslation();
  const draft = useChat((s) => s.visitorDrafts[conversationId]);
  if (!draft?.trim()) return null;
  return (
    <figure
      className="mx-4 mb-1 rounded-md border border-dashed border-slate-300 px-3 py-1.5 dark:border-slate-600"
      data-testid="visitor-draft"
    >
      <figcaption className="text-xs text-slate-500 dark:text-slate-400">
        {t('chat.visitorDraft', { name })}
      </figcaption>
      <p className="max-h-24 overflow-y-auto whitespace-pre-wrap break-words text-sm text-slate-600 italic dark:text-slate-300">
        {draft}
      </p>
    </figure>
  );
}
