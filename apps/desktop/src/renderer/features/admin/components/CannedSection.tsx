import { CANNED_VARIABLES, type CannedReply, type CannedScope } from '@switchboard/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useLoaded, useTeams } from '../actions.js';
import { TemplateField } from './TemplateField.js';
import {
  Card,
  dangerButton,
  Field,
  headClass,
  inputClass,
  primaryButton,
  rowClass,
  smallButton,
  tableClass,
} from './ui.js';

const SCOPES: readonly CannedScope[] = ['global', 'team', 'personal'];

function CannedForm({
  initial,
  onDone,
  onCancel,
}: {
  initial?: CannedReply;
  onDone(): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [teams] = useTeams();
  const [shortcut, setShortcut] = useState(initial?.shortcut ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [scope, setScope] = useState<CannedScope>(initial?.scope ?? 'global');
  const [teamId, setTeamId] = useState(initial?.teamId ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = initial
      ? await call('cannedReply', (c) =>
          c.rest('updateCannedReply', {
            params: { cannedReplyId: initial.id },
            body: { shortcut, title, body },
          }),
        )
      : await call('cannedReply', (c) =>
          c.rest('createCannedReply', {
            body: {
              shortcut,
              title,
              body,
              scope,
              ...(scope === 'team' ? { teamId: teamId || teams[0]?.id } : {}),
            },
          }),
        );
    if (!done) return;
    if (!initial) {
      setShortcut('');
      setTitle('');
      setBody('');
    }
    onDone();
  };
  return (
    <form onSubmit={submit} className="grid grid-cols-[10rem_1fr_9rem_10rem] items-end gap-2">
      <Field label={t('admin.canned.shortcut')}>
        <input
          className={inputClass}
          required
          pattern="[A-Za-z0-9-]{1,40}"
          value={shortcut}
          onChange={(e) => setShortcut(e.target.value)}
        />
      </Field>
      <Field label={t('admin.canned.title')}>
        <input
          className={inputClass}
          required
          maxLength={120}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field label={t('admin.canned.scope')}>
        <select
          className={inputClass}
          value={scope}
          disabled={Boolean(initial)}
          onChange={(e) => setScope(e.target.value as CannedScope)}
        >
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.canned.scopes.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.canned.team')}>
        <select
          className={inputClass}
          value={teamId}
          disabled={scope !== 'team' || Boolean(initial)}
          onChange={(e) => setTeamId(e.target.value)}
        >
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="col-span-3">
        <TemplateField
          label={t('admin.canned.body')}
          value={body}
          onChange={setBody}
          variables={CANNED_VARIABLES}
          hint={(list, example) => t('admin.canned.placeholders', { list, example })}
          refusal={(names) => t('admin.canned.unknownPlaceholder', { names })}
          maxLength={5000}
          required
          testId="canned-body"
        />
      </div>
      <div className="flex gap-1">
        <button type="submit" className={primaryButton}>
          {initial ? t('admin.save') : t('admin.canned.create')}
        </button>
        {onCancel && (
          <button type="button" className={smallButton} onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function CannedSection() {
  const { t } = useTranslation();
  const [replies, reload] = useLoaded('cannedReplies', (c) => c.rest('listCannedReplies'));
  const [teams] = useTeams();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = async (reply: CannedReply) => {
    if (
      await call('cannedReply', (c) =>
        c.rest('deleteCannedReply', { params: { cannedReplyId: reply.id }, body: {} }),
      )
    )
      await reload();
  };
  return (
    <>
      <Card>
        <CannedForm onDone={() => void reload()} />
      </Card>
      <Card>
        <table className={tableClass}>
          <thead className={headClass}>
            <tr>
              <th>{t('admin.canned.shortcut')}</th>
              <th>{t('admin.canned.title')}</th>
              <th>{t('admin.canned.scope')}</th>
              <th>{t('admin.canned.body')}</th>
              <th>{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(replies ?? []).map((reply) =>
              editing === reply.id ? (
                <tr key={reply.id} className={rowClass}>
                  <td colSpan={5}>
                    <CannedForm
                      initial={reply}
                      onCancel={() => setEditing(null)}
                      onDone={() => {
                        setEditing(null);
                        void reload();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={reply.id} className={rowClass}>
                  <td className="font-mono">/{reply.shortcut}</td>
                  <td>{reply.title}</td>
                  <td>
                    {t(`admin.canned.scopes.${reply.scope}`)}
                    {reply.teamId && ` · ${teams.find((x) => x.id === reply.teamId)?.name ?? ''}`}
                  </td>
                  <td className="max-w-md truncate">{reply.body}</td>
                  <td className="space-x-1 whitespace-nowrap">
                    <button type="button" className={smallButton} onClick={() => setEditing(reply.id)}>
                      {t('admin.edit')}
                    </button>
                    <button type="button" className={dangerButton} onClick={() => void remove(reply)}>
                      {t('admin.remove')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </Card>
    </>
  );
}
