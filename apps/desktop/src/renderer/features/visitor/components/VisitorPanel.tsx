import { useTranslation } from 'react-i18next';
import { newRow } from '../../../../shared/new-row.js';
import { calendarDate } from '../../../ui/format.js';
import { openConversation } from '../../chat/actions.js';
import { previewOf } from '../../conversations/preview.js';
import { useConversations } from '../../conversations/store.js';
import { useSession } from '../../session/store.js';
import { answerEmailHint } from '../answer-email-hint.js';
import { exportVisitor } from '../export-visitor.js';
import { useVisitorHistory } from '../history.js';
import { EraseVisitor } from './EraseVisitor.js';
import { Row } from './Row.js';
import { PageLink, VisitedPages } from './VisitedPages.js';

export function VisitorPanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const byId = useConversations((s) => s.byId);
  const c = byId[conversationId]?.conversation;
  const answerEmails = useSession((s) => s.answerEmails);
  const admin = useSession((s) => s.user?.role === 'admin');
  const previous = useVisitorHistory(c?.visitor.id, conversationId);
  if (!c) return null;
  const a = c.attributes;
  const tags = [...new Set([...(a.tags ?? []), ...c.tags])];
  return (
    <aside
      className="w-72 shrink-0 overflow-y-auto border-l border-slate-200 p-4 dark:border-slate-700"
      aria-label={t('visitor.title')}
      data-testid="visitor-panel"
    >
      <h2 className="text-base font-semibold">{c.visitor.name ?? t('visitor.anonymous')}</h2>
      <p
        className={`mt-1 text-xs ${c.visitor.verified ? 'text-emerald-600' : 'text-amber-600'}`}
        data-testid="identity"
      >
        {c.visitor.verified ? `✓ ${t('visitor.verified')}` : `⚠ ${t('visitor.unverified')}`}
        {c.priority === 'vip' && (
          <span className="ml-2 rounded bg-amber-400 px-1 text-[10px] font-bold text-amber-950">
            {t('visitor.vip')}
          </span>
        )}
      </p>
      <dl className="mt-3">
        {c.replyTo && (
          <Row label={t('visitor.replyTo')}>
            <span className="select-all" data-testid="reply-to">
              {c.replyTo}
            </span>
            {answerEmails && (
              <span className="mt-0.5 block text-xs text-slate-500" data-testid="reply-to-emailed">
                {answerEmailHint(t, answerEmails)}
              </span>
            )}
          </Row>
        )}
        {a.pageUrl && (
          <Row label={t('visitor.startedOn')} testId="started-on">
            <PageLink page={{ url: a.pageUrl, title: a.pageTitle }} />
          </Row>
        )}
        <VisitedPages conversationId={conversationId} startedOn={a.pageUrl} />
        {a.language && <Row label={t('visitor.language')}>{a.language}</Row>}
        {a.referrer && <Row label={t('visitor.referrer')}>{a.referrer}</Row>}
        <Row label={t('visitor.tags')}>{tags.length ? tags.join(', ') : t('visitor.none')}</Row>
        {a.custom && Object.keys(a.custom).length > 0 && (
          <Row label={t('visitor.attributes')}>
            <ul>
              {Object.entries(a.custom).map(([key, value]) => (
                <li key={key}>
                  <span className="text-slate-500">{key}:</span> {String(value)}
                </li>
              ))}
            </ul>
          </Row>
        )}
        <Row label={t('visitor.previous')}>
          {previous.length === 0 ? (
            t('visitor.none')
          ) : (
            <ul data-testid="visitor-history">
              {previous.map((p) => (
                <li key={p.id} className="mt-1">
                  <button
                    type="button"
                    className="block w-full text-left"
                    data-conversation-id={p.id}
                    onClick={() => void openConversation(p.id)}
                  >
                    <span className="text-indigo-600 underline dark:text-indigo-400">
                      {calendarDate(p.createdAt)} · {t(`visitor.status.${p.status}`)}
                    </span>
                    {p.assignee && (
                      <span className="text-slate-500">
                        {' '}
                        · {t('visitor.with', { name: p.assignee.name })}
                      </span>
                    )}
                    <span className="block truncate text-xs text-slate-500">
                      {previewOf(t, byId[p.id] ?? newRow(p))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
      {admin && (
        <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
              data-testid="export-visitor"
              onClick={() => void exportVisitor(c.visitor.id)}
            >
              {t('visitor.exportData')}
            </button>
            <EraseVisitor visitorId={c.visitor.id} name={c.visitor.name ?? t('visitor.anonymous')} />
          </div>
        </div>
      )}
    </aside>
  );
}
