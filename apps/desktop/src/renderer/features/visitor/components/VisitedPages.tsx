import type { VisitedPage } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../host/bridge.js';
import { Elapsed } from '../../../ui/Elapsed.js';
import { dateTime, dayOrTime } from '../../../ui/format.js';
import { useNow } from '../../../ui/use-now.js';
import { useVisitedTrail } from '../visited-pages.js';
import { Row } from './Row.js';

/** How many of the newest pages the trail lists until the agent asks for all. */
export const TRAIL_SHOWN = 5;

const linkClass = 'text-left text-indigo-600 underline dark:text-indigo-400';

/** A page of the visitor's site, opened in the system's browser; its title and URL are text. */
export function PageLink({
  page,
  className = '',
}: {
  page: { url: string; title?: string | null | undefined };
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`${linkClass} ${className}`}
      title={page.url}
      onClick={() => void bridge['app:open-external']({ url: page.url })}
    >
      {page.title || page.url}
    </button>
  );
}

function Trail({ pages, now }: { pages: readonly VisitedPage[]; now: number }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? pages : pages.slice(0, TRAIL_SHOWN);
  return (
    <>
      <ol data-testid="visited-pages">
        {shown.map((page) => (
          <li key={`${page.at} ${page.url}`} className="mt-1 flex items-baseline gap-2">
            <PageLink page={page} className="min-w-0 flex-1 truncate" />
            <time className="shrink-0 text-xs text-slate-500" dateTime={page.at} title={dateTime(page.at)}>
              {dayOrTime(page.at, now)}
            </time>
          </li>
        ))}
      </ol>
      {pages.length > TRAIL_SHOWN && (
        <button
          type="button"
          className="mt-1 text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          aria-expanded={all}
          data-testid="visited-pages-toggle"
          onClick={() => setAll(!all)}
        >
          {all ? t('visitor.pagesFewer') : t('visitor.pagesAll', { n: pages.length })}
        </button>
      )}
    </>
  );
}

/** The supervisor's monitor: one line with the page the visitor is on now, once it is known. */
export function CurrentPage({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const trail = useVisitedTrail(conversationId);
  const current = trail.kind === 'ready' ? trail.pages[0] : undefined;
  if (!current) return null;
  return (
    <p className="truncate text-xs text-slate-500" data-testid="monitor-page">
      {t('visitor.nowOn')}: <PageLink page={current} />
    </p>
  );
}

/**
 * The visitor panel's rows on where the visitor is and has been on the site: the page they are on
 * now (when they left the one the chat started on) and the pages they went to, newest first.
 */
export function VisitedPages({ conversationId, startedOn }: { conversationId: string; startedOn?: string }) {
  const { t } = useTranslation();
  const trail = useVisitedTrail(conversationId);
  const now = useNow();
  if (trail.kind !== 'ready') {
    return (
      <Row label={t('visitor.pagesVisitedTitle')} testId="visited-pages-note">
        <span className="text-slate-500" data-state={trail.kind}>
          {trail.kind === 'loading' ? t('visitor.pagesLoading') : t('visitor.pagesUnavailable')}
        </span>
      </Row>
    );
  }
  const { pages } = trail;
  const current = pages[0];
  const moved = current && (pages.length > 1 || current.url !== startedOn);
  return (
    <>
      {moved && (
        <Row label={t('visitor.nowOn')} testId="now-on">
          <PageLink page={current} />
          {current.title && <span className="block truncate text-xs text-slate-500">{current.url}</span>}
          <time className="block text-xs text-slate-500" dateTime={current.at} title={dateTime(current.at)}>
            <Elapsed since={current.at} now={now}>
              {(ago) => t('visitor.nowOnSince', { time: dayOrTime(current.at, now), ago })}
            </Elapsed>
          </time>
        </Row>
      )}
      <Row label={t('visitor.pagesVisited', { n: pages.length })} testId="visited-pages-row">
        {pages.length === 0 ? t('visitor.none') : <Trail key={conversationId} pages={pages} now={now} />}
      </Row>
    </>
  );
}
