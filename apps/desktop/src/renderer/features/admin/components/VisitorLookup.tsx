import type { VisitorSummary } from '@switchboard/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../../../ui/format.js';
import { EraseVisitor } from '../../visitor/components/EraseVisitor.js';
import { exportVisitor } from '../../visitor/export-visitor.js';
import { call } from '../actions.js';
import {
  Card,
  Field,
  headClass,
  inputClass,
  primaryButton,
  rowClass,
  smallButton,
  tableClass,
} from './ui.js';

/**
 * A request about a person's data names their address: the visitors it belongs to (in other
 * browsers too), each to export or erase from here.
 */
export function VisitorLookup({ onErased }: { onErased(): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<{ email: string; visitors: VisitorSummary[] } | null>(null);
  const find = async (address: string) => {
    const visitors = await call('privacy', (c) => c.rest('lookupVisitors', { query: { email: address } }));
    if (visitors) setFound({ email: address, visitors });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find(email.trim());
  };
  return (
    <Card title={t('admin.privacy.lookupTitle')} testId="visitor-lookup">
      <form className="flex items-end gap-2" onSubmit={submit}>
        <Field label={t('admin.privacy.lookupEmail')} className="w-80">
          <input
            type="email"
            required
            className={inputClass}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <button type="submit" className={primaryButton}>
          {t('admin.privacy.lookupFind')}
        </button>
      </form>
      {found &&
        (found.visitors.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-300" data-testid="lookup-none">
            {t('admin.privacy.lookupNone', { email: found.email })}
          </p>
        ) : (
          <table className={`${tableClass} mt-3`}>
            <thead className={headClass}>
              <tr>
                <th>{t('admin.privacy.visitor')}</th>
                <th>{t('admin.privacy.conversations')}</th>
                <th>{t('admin.privacy.lastActivity')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {found.visitors.map((v) => (
                <tr key={v.id} className={rowClass} data-testid="lookup-visitor" data-visitor-id={v.id}>
                  <td>
                    {v.name ?? t('visitor.anonymous')}
                    {v.email && <span className="block text-xs text-slate-500">{v.email}</span>}
                  </td>
                  <td>{v.conversations}</td>
                  <td>{v.lastActivity ? calendarDate(v.lastActivity) : '—'}</td>
                  <td className="flex flex-wrap gap-2">
                    <button type="button" className={smallButton} onClick={() => void exportVisitor(v.id)}>
                      {t('visitor.exportData')}
                    </button>
                    <EraseVisitor
                      visitorId={v.id}
                      name={v.name ?? t('visitor.anonymous')}
                      onErased={() => {
                        void find(found.email);
                        onErased();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Card>
  );
}
