import { useTranslation } from 'react-i18next';
import { useColleagues } from '../colleagues.js';
import { useChat } from '../store.js';

/** Who is typing in the conversation: its visitor, and a colleague (collision control). */
export function TypingLine({ conversationId, visitorName }: { conversationId: string; visitorName: string }) {
  const { t } = useTranslation();
  const typing = useChat((s) => s.typing[conversationId] ?? false);
  const colleagueTyping = useColleagues((s) => s.typing[conversationId] ?? null);
  return (
    <p className="h-5 px-4 text-xs text-slate-500" aria-live="polite" data-testid="typing">
      {[
        typing ? t('chat.typing', { name: visitorName }) : '',
        colleagueTyping === null ? '' : t('chat.typing', { name: colleagueTyping }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}
