import type { TransferTarget } from '@switchboard/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, inputClass, primaryButton, secondaryButton } from './Dialog.js';

export interface TargetTeam {
  id: string;
  name: string;
}

export interface TargetAgent {
  userId: string;
  name: string;
  status: string;
  load: number;
  capacity: number;
}

/**
 * Pick a team or an agent and give a reason: the agent's transfer and the supervisor's
 * reassignment. `onSubmit` answers whether it worked; the dialog closes when it did.
 */
export function TransferTargetDialog(props: {
  title: string;
  submitLabel: string;
  teams: readonly TargetTeam[];
  agents: readonly TargetAgent[];
  onSubmit(to: TransferTarget, reason: string): Promise<boolean>;
  onClose(): void;
  selectTestId?: string;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(':');
    if (!id || !reason.trim()) return;
    const to: TransferTarget = kind === 'team' ? { kind: 'team', teamId: id } : { kind: 'agent', userId: id };
    if (await props.onSubmit(to, reason.trim())) props.onClose();
  };

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit} className="space-y-3">
        <select
          className={inputClass}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          required
          aria-label={props.title}
          data-testid={props.selectTestId}
        >
          <option value="" />
          <optgroup label={t('transfer.toTeam')}>
            {props.teams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('transfer.toAgent')}>
            {props.agents.map((a) => (
              <option key={a.userId} value={`agent:${a.userId}`}>
                {a.name} ({t(`status.${a.status}`, { defaultValue: a.status })}, {a.load}/{a.capacity})
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
          <button type="button" className={secondaryButton} onClick={props.onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className={primaryButton}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
