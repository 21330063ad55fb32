import type { SearchHit } from '@switchboard/protocol';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOrTime } from '../../../ui/format.js';
import { useNow } from '../../../ui/use-now.js';
import { useConversations } from '../../conversations/store.js';
import { openHit, searchMore } from '../actions.js';
import { useSearch } from '../store.js';
import { Marked } from './Marked.js';

const headingClass = 'px-3 pt-2 pb-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400';

/** One result: whose chat and when on top, what matched below; opens the chat (at the message) in a tab. */
function ResultRow(props: {
  testId: string;
  conversationId: string;
  /** A message's hit: the chat opens at it. */
  seq?: number;
  who: ReactNode;
  when: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      data-testid={props.testId}
      data-conversation-id={props.conversationId}
      onClick={() => void openHit({ conversationId: props.conversationId, seq: props.seq })}
      className="flex w-full flex-col gap-0.5 border-b border-slate-200 px-3 py-2 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span className="truncate font-medium text-slate-700 dark:text-slate-200">{props.who}</span>
        <span className="ml-auto shrink-0">{props.when}</span>
      </span>
      {props.children}
    </button>
  );
}

/**
 * Whose words a hit are: the visitor's chat by name, and when staff or the bot wrote it, who did
 * ("Alice to Noor"): an agent's answer must not read as the visitor's.
 */
function useWhoWrote() {
  const { t } = useTranslation();
  return (hit: SearchHit, visitorName: string | null) => {
    const visitor = visitorName ?? t('visitor.anonymous');
    if (!hit.sender || hit.sender.kind === 'visitor') return visitor;
    const sender = hit.sender.name ?? t(hit.sender.kind === 'bot' ? 'search.bot' : 'search.system');
    return t('search.wroteTo', { sender, visitor });
  };
}

/**
 * The conversations whose visitor the search names (newest first), then the matching messages
 * (best first); each opens its conversation in a tab. Snippets render as text.
 */
export function SearchResults() {
  const { t } = useTranslation();
  const hits = useSearch((s) => s.hits) ?? [];
  const conversations = useSearch((s) => s.conversations);
  const searching = useSearch((s) => s.searching);
  const offline = useSearch((s) => s.offline);
  const anyTime = useSearch((s) => s.period.choice === 'any');
  const answered = useSearch((s) => s.answered);
  const more = useSearch((s) => s.more);
  const byId = useConversations((s) => s.byId);
  const now = useNow();
  const whoWrote = useWhoWrote();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto" data-testid="search-results" aria-busy={searching}>
      {offline && (
        <p
          className="bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          data-testid="search-offline"
        >
          {t('search.offline')}
        </p>
      )}
      {conversations.length > 0 && (
        <section aria-label={t('search.conversations')} data-testid="search-conversations">
          <h3 className={headingClass}>{t('search.conversations')}</h3>
          {conversations.map((c) => (
            <ResultRow
              key={c.conversationId}
              testId="search-conversation"
              conversationId={c.conversationId}
              who={
                c.visitorName ? (
                  <Marked text={c.visitorName} q={answered} prefixes="all" />
                ) : (
                  t('visitor.anonymous')
                )
              }
              when={dayOrTime(c.updatedAt, now)}
            >
              <span className="flex gap-2 text-xs text-slate-500 dark:text-slate-400">
                {c.visitorEmail && (
                  <span className="truncate">
                    <Marked text={c.visitorEmail} q={answered} prefixes="all" />
                  </span>
                )}
                <span className="ml-auto shrink-0">{t(`visitor.status.${c.status}`)}</span>
              </span>
            </ResultRow>
          ))}
          <h3 className={headingClass}>{t('search.messages')}</h3>
        </section>
      )}
      <p className="px-3 py-2 text-xs text-slate-500">
        {hits.length === 0
          ? t(anyTime ? 'search.none' : 'search.noneInPeriod')
          : t(more ? 'search.countMore' : 'search.count', { count: hits.length })}
      </p>
      {hits.map((hit) => (
        <ResultRow
          key={`${hit.conversationId}:${hit.seq}`}
          testId="search-hit"
          conversationId={hit.conversationId}
          seq={hit.seq}
          who={whoWrote(hit, hit.visitorName ?? byId[hit.conversationId]?.conversation.visitor.name ?? null)}
          when={dayOrTime(hit.createdAt, now)}
        >
          <span className="line-clamp-2 text-sm">
            <Marked text={hit.snippet} q={answered} prefixes="last" />
          </span>
        </ResultRow>
      ))}
      <MoreHits />
    </div>
  );
}

/** The server has further hits: the next page, appended below those shown. */
function MoreHits() {
  const { t } = useTranslation();
  const more = useSearch((s) => s.more);
  const [loading, setLoading] = useState(false);
  if (!more) return null;
  const load = async () => {
    setLoading(true);
    try {
      await searchMore();
    } finally {
      setLoading(false);
    }
  };
  return (
    <button
      type="button"
      data-testid="search-more"
      disabled={loading}
      aria-busy={loading}
      onClick={() => void load()}
      className="w-full px-3 py-2 text-sm text-indigo-600 hover:bg-slate-50 disabled:text-slate-400 dark:text-indigo-400 dark:hover:bg-slate-800"
    >
      {loading ? t('search.loadingMore') : t('search.more')}
    </button>
  );
}
