import type { AdminUser, Role, Team } from '@switchboard/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saved, useLoaded, useTeams } from '../actions.js';
import {
  Card,
  dangerButton,
  Field,
  headClass,
  inputClass,
  OneTime,
  primaryButton,
  rowClass,
  smallButton,
  tableClass,
} from './ui.js';

const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

function TeamPicks({
  teams,
  value,
  onChange,
}: {
  teams: Team[];
  value: string[];
  onChange(next: string[]): void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {teams.map((team) => (
        <label key={team.id} className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={value.includes(team.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, team.id] : value.filter((id) => id !== team.id))
            }
          />
          {team.name}
        </label>
      ))}
    </div>
  );
}

function InviteForm({
  teams,
  onInvited,
}: {
  teams: Team[];
  onInvited(user: AdminUser, password: string | null): void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [capacity, setCapacity] = useState(3);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invite = await call('invite', (c) =>
      c.rest('createUser', { body: { email, name, role, teamIds, capacity } }),
    );
    if (!invite) return;
    onInvited(invite.user, invite.initialPassword);
    setEmail('');
    setName('');
  };
  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-[1fr_1fr_10rem_6rem] items-end gap-3"
      data-testid="invite-form"
    >
      <Field label={t('admin.users.email')}>
        <input
          className={inputClass}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label={t('admin.users.name')}>
        <input
          className={inputClass}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={t('admin.users.role')}>
        <select className={inputClass} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.users.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.users.capacity')}>
        <input
          className={inputClass}
          type="number"
          min={0}
          max={50}
          value={capacity}
          onChange={(e) => setCapacity(Number(e.target.value))}
        />
      </Field>
      <div className="col-span-3">
        <span className="mb-1 block text-xs text-slate-600 dark:text-slate-300">
          {t('admin.users.teams')}
        </span>
        <TeamPicks teams={teams} value={teamIds} onChange={setTeamIds} />
      </div>
      <button type="submit" className={primaryButton}>
        {t('admin.users.inviteSubmit')}
      </button>
    </form>
  );
}

function UserRow({
  user,
  teams,
  onChanged,
}: {
  user: AdminUser;
  teams: Team[];
  onChanged(user: AdminUser): void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [teamIds, setTeamIds] = useState(user.teamIds);
  const [capacity, setCapacity] = useState(user.capacity);
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? id.slice(0, 6);
  const save = async () => {
    const next = await call('user', (c) =>
      c.rest('updateUser', {
        params: { userId: user.id },
        body: { name, role, teamIds, capacity },
      }),
    );
    if (next) {
      onChanged(next);
      setEditing(false);
    }
  };
  const deactivate = async () => {
    if (!window.confirm(t('admin.users.confirmDeactivate', { name: user.name }))) return;
    const next = await call('deactivate', (c) =>
      c.rest('deactivateUser', { params: { userId: user.id }, body: {} }),
    );
    if (next) onChanged(next);
  };
  if (editing)
    return (
      <tr className={rowClass} data-testid="user-row" data-email={user.email}>
        <td>
          <input
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label={t('admin.users.name')}
          />
        </td>
        <td className="text-slate-500">{user.email}</td>
        <td>
          <select
            className={inputClass}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            aria-label={t('admin.users.role')}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.users.roles.${r}`)}
              </option>
            ))}
          </select>
        </td>
        <td>
          <TeamPicks teams={teams} value={teamIds} onChange={setTeamIds} />
        </td>
        <td>
          <input
            className={`${inputClass} w-16`}
            type="number"
            min={0}
            max={50}
            value={capacity}
            aria-label={t('admin.users.capacity')}
            onChange={(e) => setCapacity(Number(e.target.value))}
          />
        </td>
        <td />
        <td className="space-x-1 whitespace-nowrap">
          <button type="button" className={smallButton} onClick={() => void save()}>
            {t('admin.save')}
          </button>
          <button type="button" className={smallButton} onClick={() => setEditing(false)}>
            {t('admin.cancel')}
          </button>
        </td>
      </tr>
    );
  return (
    <tr
      className={`${rowClass} ${user.active ? '' : 'text-slate-400'}`}
      data-testid="user-row"
      data-email={user.email}
    >
      <td className="font-medium">{user.name}</td>
      <td>{user.email}</td>
      <td>{t(`admin.users.roles.${user.role}`)}</td>
      <td>{user.teamIds.map(teamName).join(', ')}</td>
      <td className="tabular-nums">{user.capacity}</td>
      <td data-testid="user-state">{user.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
      <td className="space-x-1 whitespace-nowrap">
        {user.active && (
          <>
            <button type="button" className={smallButton} onClick={() => setEditing(true)}>
              {t('admin.edit')}
            </button>
            <button
              type="button"
              className={dangerButton}
              data-testid="deactivate"
              onClick={() => void deactivate()}
            >
              {t('admin.users.deactivate')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export function UsersSection() {
  const { t } = useTranslation();
  const [users, , setUsers] = useLoaded('users', (c) => c.rest('listUsers'));
  const [teams] = useTeams();
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const replace = (next: AdminUser) =>
    setUsers(
      (users ?? []).some((u) => u.id === next.id)
        ? (users ?? []).map((u) => (u.id === next.id ? next : u))
        : [...(users ?? []), next],
    );
  return (
    <>
      {secret && (
        <OneTime
          label={t('admin.users.oneTimePassword', { name: secret.name })}
          value={secret.password}
          dismiss={t('admin.users.dismiss')}
          onDismiss={() => setSecret(null)}
        />
      )}
      <Card title={t('admin.users.invite')}>
        <InviteForm
          teams={teams}
          onInvited={(user, password) => {
            replace(user);
            if (password) setSecret({ name: user.name, password });
            else saved(t('admin.saved'));
          }}
        />
      </Card>
      <Card>
        <table className={tableClass} data-testid="users-table">
          <thead className={headClass}>
            <tr>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.email')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.teams')}</th>
              <th>{t('admin.users.capacity')}</th>
              <th>{t('admin.users.state')}</th>
              <th>{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((user) => (
              <UserRow key={user.id} user={user} teams={teams} onChanged={replace} />
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
