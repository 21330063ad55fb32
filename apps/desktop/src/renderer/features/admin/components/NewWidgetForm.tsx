import type { WidgetCreated } from '@switchboard/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useTeams } from '../actions.js';
import { originLines } from '../widget-draft.js';
import { Card, Field, inputClass, primaryButton, TeamOptions } from './ui.js';

/** A widget for a new site: a name, the team its chats go to and the origins that may use it. */
export function NewWidgetForm({ onCreated }: { onCreated(created: WidgetCreated): void }) {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [origins, setOrigins] = useState('');
  // With one team there is nothing to choose.
  const team = teamId || (teams.length === 1 ? (teams[0]?.id ?? '') : '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await call('widget', (c) =>
      c.rest('createWidget', { body: { name, teamId: team, allowedOrigins: originLines(origins) } }),
    );
    if (!created) return;
    setName('');
    setOrigins('');
    saved(t('admin.widgets.created', { name: created.widget.name }));
    onCreated(created);
  };
  return (
    <Card title={t('admin.widgets.add')} testId="new-widget">
      <form onSubmit={submit} className="grid grid-cols-4 items-end gap-3">
        <Field label={t('admin.widgets.name')}>
          <input
            className={inputClass}
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('admin.widgets.team')}>
          <select className={inputClass} required value={team} onChange={(e) => setTeamId(e.target.value)}>
            <TeamOptions teams={teams} />
          </select>
        </Field>
        <Field label={t('admin.widgets.origins')} className="col-span-2">
          <textarea
            className={`${inputClass} font-mono text-xs`}
            rows={1}
            required
            placeholder={t('admin.widgets.originsExample')}
            value={origins}
            onChange={(e) => setOrigins(e.target.value)}
          />
        </Field>
        <button type="submit" className={`${primaryButton} col-span-4 justify-self-start`}>
          {t('admin.widgets.create')}
        </button>
      </form>
    </Card>
  );
}
