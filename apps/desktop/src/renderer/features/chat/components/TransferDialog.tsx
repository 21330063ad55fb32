import { type AgentState, restEndpoints, type Team } from '@switchboard/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtime } from '../../../app/runtime.js';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { toastError } from '../../toasts/store.js';
import { transfer } from '../actions.js';

export function TransferDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<Team[]>([]);
  const [agents, setAgents] = useState<AgentState[]>([]);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    const connection = runtime.connection;
    if (!connection) return;
    void connection
      .rest(restEndpoints.listTeams)
      .then((r) => (r.ok ? setTeams(r.data) : toastError('Teams', r.error)));
    void connection.rest(restEndpoints.listAgents).then((r) => r.ok && setAgents(r.data));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(':');
    if (!id || !reason.trim()) return;
    const to =
      kind === 'team' ? { kind: 'team' as const, teamId: id } : { kind: 'agent' as const, userId: id };
    if (await transfer(conversationId, to, reason.trim())) onClose();
  };

  return (
    <Dialog title={t('transfer.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3">
        <select
          className={inputClass}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          required
          aria-label={t('transfer.title')}
        >
          <option value="" />
          <optgroup label={t('transfer.toTeam')}>
            {teams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('transfer.toAgent')}>
            {agents
              .filter((a) => a.userId !== runtime.account?.userId)
              .map((a) => (
                <option key={a.userId} value={`agent:${a.userId}`}>
                  {a.name} ({a.status}, {a.load}/{a.capacity})
                </option>
              ))}
          </optgroup>
        </select>
        <label className="block space-y-1 text-sm">
          <span>{t('transfer.reason')}</span>
          <input
            className={inputClass}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            required
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className={primaryButton}>
            {t('transfer.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
