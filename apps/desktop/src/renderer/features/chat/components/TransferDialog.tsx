import type { AgentState, Team } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtime } from '../../../app/runtime.js';
import { TransferTargetDialog } from '../../../ui/TransferTargetDialog.js';
import { toastError } from '../../toasts/store.js';
import { transfer } from '../actions.js';

export function TransferDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<Team[]>([]);
  const [agents, setAgents] = useState<AgentState[]>([]);

  useEffect(() => {
    const connection = runtime.connection;
    if (!connection) return;
    void connection.rest('listTeams').then((r) => (r.ok ? setTeams(r.data) : toastError('teams', r.error)));
    void connection.rest('listAgents').then((r) => r.ok && setAgents(r.data));
  }, []);

  return (
    <TransferTargetDialog
      title={t('transfer.title')}
      submitLabel={t('transfer.submit')}
      teams={teams}
      agents={agents.filter((a) => a.userId !== runtime.account?.userId)}
      onSubmit={(to, reason) => transfer(conversationId, to, reason)}
      onClose={onClose}
    />
  );
}
