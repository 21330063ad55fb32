import { AuditAction, type AuditEntry, type AuditQuery } from '@switchboard/protocol';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../../ui/format.js';
import { LatestOnly } from '../../../ui/latest-only.js';
import { call, useLoaded } from '../actions.js';
import { auditActionText, auditDetailsText, auditTargetText, type KnownNames } from '../audit-text.js';
import {
  Card,
  Field,
  headClass,
  inputClass,
  primaryButton,
  rowClass,
  secondaryButton,
  tableClass,
} from './ui.js';

/** `datetime-local` text (local time) to an ISO timestamp; empty stays unset. */
function toIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

export function AuditSection() {
  const { t } = useTranslation();
  const [users] = useLoaded('users', (c) => c.rest('listUsers'));
  const [teams] = useLoaded('teams', (c) => c.rest('listTeams'));
  const names = useMemo<KnownNames>(
    () => ({
      users: new Map((users ?? []).map((u) => [u.id, u.name])),
      teams: new Map((teams ?? []).map((team) => [team.id, team.name])),
    }),
    [users, teams],
  );
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [targetId, setTargetId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const query = useCallback(
    (): AuditQuery => ({
      actorId: actorId || undefined,
      action: (action || undefined) as AuditQuery['action'],
      targetId: targetId.trim() || undefined,
      from: toIso(from),
      to: toIso(to),
      limit: 50,
    }),
    [actorId, action, targetId, from, to],
  );
  const [latest] = useState(() => new LatestOnly());
  const load = (after: string | null) =>
    latest.run(
      () =>
        call('audit', (c) =>
          c.rest('listAudit', {
            query: { ...query(), cursor: after ?? undefined } as Record<string, string | number | undefined>,
          }),
        ),
      (page) => {
        if (!page) return;
        setItems((shown) => (after ? [...shown, ...page.items] : page.items));
        setCursor(page.nextCursor);
      },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once; the form reloads it after.
  useEffect(() => {
    void load(null);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(null);
  };
  return (
    <>
      <Card>
        <form
          onSubmit={submit}
          className="grid grid-cols-[1fr_1fr_1fr_1fr_1fr_auto] items-end gap-2"
          data-testid="audit-filters"
        >
          <Field label={t('admin.audit.actor')}>
            <select className={inputClass} value={actorId} onChange={(e) => setActorId(e.target.value)}>
              <option value="">{t('admin.audit.any')}</option>
              {(users ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('admin.audit.action')}>
            <select
              className={inputClass}
              value={action}
              onChange={(e) => setAction(e.target.value)}
              data-testid="audit-action"
            >
              <option value="">{t('admin.audit.any')}</option>
              {AuditAction.options.map((a) => (
                <option key={a} value={a}>
                  {auditActionText(t, a)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('admin.audit.target')}>
            <input
              className={inputClass}
              value={targetId}
              maxLength={100}
              onChange={(e) => setTargetId(e.target.value)}
              data-testid="audit-target"
            />
          </Field>
          <Field label={t('admin.audit.from')}>
            <input
              className={inputClass}
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </Field>
          <Field label={t('admin.audit.to')}>
            <input
              className={inputClass}
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </Field>
          <button type="submit" className={primaryButton} data-testid="audit-filter">
            {t('admin.audit.filter')}
          </button>
        </form>
      </Card>
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">{t('admin.none')}</p>
        ) : (
          <table className={tableClass} data-testid="audit-table">
            <thead className={headClass}>
              <tr>
                <th>{t('admin.audit.at')}</th>
                <th>{t('admin.audit.actor')}</th>
                <th>{t('admin.audit.action')}</th>
                <th>{t('admin.audit.target')}</th>
                <th>{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry, i) => (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the page order is stable
                  key={i}
                  className={rowClass}
                  data-testid="audit-row"
                  data-action={entry.action}
                  data-target-id={entry.targetId}
                >
                  <td className="whitespace-nowrap tabular-nums">{dateTime(entry.at)}</td>
                  <td>{entry.actor?.name ?? t('admin.audit.system')}</td>
                  <td>{auditActionText(t, entry.action)}</td>
                  <td className="text-xs" title={entry.targetId}>
                    {auditTargetText(entry, names)}
                  </td>
                  <AuditDetails text={auditDetailsText(t, entry.data, names)} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {cursor && (
          <button type="button" className={`${secondaryButton} mt-2`} onClick={() => void load(cursor)}>
            {t('admin.audit.older')}
          </button>
        )}
      </Card>
    </>
  );
}

function AuditDetails({ text }: { text: string }) {
  return (
    <td className="max-w-md truncate text-xs text-slate-600 dark:text-slate-300" title={text}>
      {text}
    </td>
  );
}
