import type { Team, TeamRoutingSettings } from '@switchboard/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toastFailure } from '../../toasts/store.js';
import { call, saved, useTeams } from '../actions.js';
import { DAYS, type DayKey, hoursText, parseDay } from './hours.js';
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

const NUMBERS = [
  ['offerTimeoutSeconds', 'offerTimeout', 5, 600],
  ['wrapUpSeconds', 'wrapUp', 0, 3600],
  ['unansweredSeconds', 'unanswered', 0, 3600],
  ['affinityHours', 'affinity', 0, 720],
  ['agingSeconds', 'aging', 10, 3600],
  ['maxQueueSeconds', 'maxQueue', 0, 86_400],
] as const;

function RoutingForm({ team }: { team: Team }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TeamRoutingSettings | null>(null);
  const [days, setDays] = useState<Record<DayKey, string>>(hoursText(null));
  const [timezone, setTimezone] = useState('UTC');
  useEffect(() => {
    void call('routing', (c) => c.rest('getTeamRouting', { params: { teamId: team.id } })).then((s) => {
      if (!s) return;
      setSettings(s);
      setDays(hoursText(s.businessHours));
      setTimezone(s.businessHours?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    });
  }, [team.id]);
  if (!settings) return null;
  const set = <K extends keyof TeamRoutingSettings>(key: K, value: TeamRoutingSettings[K]) =>
    setSettings({ ...settings, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let businessHours: TeamRoutingSettings['businessHours'] = null;
    if (settings.businessHours !== null) {
      const parsed = Object.fromEntries(DAYS.map((d) => [d, parseDay(days[d])]));
      if (DAYS.some((d) => parsed[d] === null)) {
        toastFailure('routing', t('admin.teams.badHours'));
        return;
      }
      businessHours = { timezone, ...(parsed as Record<DayKey, { from: string; to: string }[]>) };
    }
    const next = await call('routing', (c) =>
      c.rest('putTeamRouting', {
        params: { teamId: team.id },
        body: { ...settings, businessHours },
      }),
    );
    if (next) {
      setSettings(next);
      saved(t('admin.saved'));
    }
  };
  return (
    <Card title={t('admin.teams.routing', { name: team.name })} testId="team-routing">
      <form onSubmit={submit} className="space-y-3">
        <div className="grid grid-cols-3 gap-3">
          <Field label={t('admin.teams.mode')}>
            <select
              className={inputClass}
              value={settings.mode}
              onChange={(e) => set('mode', e.target.value as 'auto' | 'offer')}
            >
              <option value="auto">{t('admin.teams.modes.auto')}</option>
              <option value="offer">{t('admin.teams.modes.offer')}</option>
            </select>
          </Field>
          {NUMBERS.map(([key, label, min, max]) => (
            <Field key={key} label={t(`admin.teams.${label}`)}>
              <input
                className={inputClass}
                type="number"
                min={min}
                max={max}
                value={settings[key]}
                onChange={(e) => set(key, Number(e.target.value))}
              />
            </Field>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={settings.botEnabled}
            onChange={(e) => set('botEnabled', e.target.checked)}
          />
          {t('admin.teams.bot')}
        </label>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t('admin.teams.hours')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={settings.businessHours === null}
              onChange={(e) =>
                set(
                  'businessHours',
                  e.target.checked
                    ? null
                    : { timezone, mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
                )
              }
            />
            {t('admin.teams.alwaysOpen')}
          </label>
          {settings.businessHours !== null && (
            <div className="grid grid-cols-[6rem_1fr] items-center gap-x-3 gap-y-1.5">
              <span className="text-xs">{t('admin.teams.timezone')}</span>
              <input
                className={inputClass}
                value={timezone}
                onChange={(e) => setTimezone(e.target.value)}
                aria-label={t('admin.teams.timezone')}
              />
              {DAYS.map((d) => (
                <label key={d} className="contents">
                  <span className="text-xs">{t(`admin.teams.days.${d}`)}</span>
                  <input
                    className={inputClass}
                    value={days[d]}
                    placeholder={t('admin.teams.dayHint')}
                    onChange={(e) => setDays({ ...days, [d]: e.target.value })}
                  />
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" className={primaryButton}>
          {t('admin.save')}
        </button>
      </form>
    </Card>
  );
}

function TeamRow({
  team,
  selected,
  onSelect,
  onRenamed,
}: {
  team: Team;
  selected: boolean;
  onSelect(): void;
  onRenamed(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(team.name);
  const rename = async () => {
    if (await call('team', (c) => c.rest('renameTeam', { params: { teamId: team.id }, body: { name } })))
      onRenamed();
  };
  return (
    <tr className={`${rowClass} ${selected ? 'bg-indigo-50 dark:bg-indigo-950/50' : ''}`}>
      <td>
        <input
          className={inputClass}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label={t('admin.teams.name')}
        />
      </td>
      <td>{t(`admin.teams.modes.${team.mode}`)}</td>
      <td className="space-x-1 whitespace-nowrap">
        <button
          type="button"
          className={smallButton}
          disabled={name.trim() === team.name || !name.trim()}
          onClick={() => void rename()}
        >
          {t('admin.teams.rename')}
        </button>
        <button type="button" className={smallButton} onClick={onSelect} aria-pressed={selected}>
          {t('admin.edit')}
        </button>
      </td>
    </tr>
  );
}

export function TeamsSection() {
  const { t } = useTranslation();
  const [teams, reload] = useTeams();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const team = await call('team', (c) => c.rest('createTeam', { body: { name } }));
    if (!team) return;
    setName('');
    await reload();
    setSelected(team.id);
  };
  const team = teams.find((x) => x.id === selected);
  return (
    <>
      <Card>
        <form onSubmit={create} className="mb-3 flex items-end gap-2">
          <Field label={t('admin.teams.name')} className="flex-1">
            <input
              className={inputClass}
              value={name}
              required
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <button type="submit" className={primaryButton}>
            {t('admin.teams.create')}
          </button>
        </form>
        <table className={tableClass}>
          <thead className={headClass}>
            <tr>
              <th>{t('admin.teams.name')}</th>
              <th>{t('admin.teams.mode')}</th>
              <th>{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((x) => (
              <TeamRow
                key={x.id}
                team={x}
                selected={x.id === selected}
                onSelect={() => setSelected(x.id)}
                onRenamed={() => void reload()}
              />
            ))}
          </tbody>
        </table>
      </Card>
      {team && <RoutingForm key={team.id} team={team} />}
    </>
  );
}
