import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../../ui/format.js';
import { call, useLoaded } from '../actions.js';
import {
  Card,
  dangerButton,
  Field,
  headClass,
  inputClass,
  primaryButton,
  rowClass,
  tableClass,
} from './ui.js';

export function BansSection() {
  const { t } = useTranslation();
  const [bans, reload] = useLoaded('bans', (c) => c.rest('listBans'));
  const [kind, setKind] = useState<'visitor' | 'ip'>('ip');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await call('ban', (c) => c.rest('createBan', { body: { kind, value, reason } })))) return;
    setValue('');
    setReason('');
    await reload();
  };
  const lift = async (banId: string) => {
    if (await call('ban', (c) => c.rest('liftBan', { params: { banId }, body: {} }))) await reload();
  };
  return (
    <>
      <Card>
        <form onSubmit={add} className="grid grid-cols-[11rem_1fr_1fr_auto] items-end gap-2">
          <Field label={t('admin.bans.kind')}>
            <select
              className={inputClass}
              value={kind}
              onChange={(e) => setKind(e.target.value as 'visitor' | 'ip')}
            >
              <option value="ip">{t('admin.bans.kinds.ip')}</option>
              <option value="visitor">{t('admin.bans.kinds.visitor')}</option>
            </select>
          </Field>
          <Field label={t('admin.bans.value')}>
            <input
              className={inputClass}
              required
              maxLength={64}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
          <Field label={t('admin.bans.reason')}>
            <input
              className={inputClass}
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <button type="submit" className={primaryButton}>
            {t('admin.bans.add')}
          </button>
        </form>
      </Card>
      <Card>
        {(bans ?? []).length === 0 ? (
          <p className="text-sm text-slate-500">{t('admin.none')}</p>
        ) : (
          <table className={tableClass}>
            <thead className={headClass}>
              <tr>
                <th>{t('admin.bans.kind')}</th>
                <th>{t('admin.bans.value')}</th>
                <th>{t('admin.bans.reason')}</th>
                <th>{t('admin.bans.since')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(bans ?? []).map((ban) => (
                <tr key={ban.id} className={rowClass}>
                  <td>{t(`admin.bans.kinds.${ban.kind}`)}</td>
                  <td className="font-mono">{ban.value}</td>
                  <td>{ban.reason}</td>
                  <td>{dateTime(ban.createdAt)}</td>
                  <td>
                    <button type="button" className={dangerButton} onClick={() => void lift(ban.id)}>
                      {t('admin.bans.lift')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
