import {
  ESCALATE_AFTER_MISSED_OFFERS,
  type LiveChat,
  type SupervisorEscalation,
} from '@switchboard/protocol';
import { bridge } from '../../host/bridge.js';
import { i18n } from '../../i18n/index.js';

export const isEscalated = (chat: LiveChat) => chat.missedOffers >= ESCALATE_AFTER_MISSED_OFFERS;

/**
 * A native notification for a supervisor or admin: a chat's offers keep going unanswered
 * (PRODUCT: alerts escalate). The server pushes `supervisor:escalation` once per escalation, to
 * every socket of the team's supervisors, whichever view is open.
 */
export function notifyEscalation({ conversation, missedOffers }: SupervisorEscalation): void {
  const visitor = conversation.visitor.name ?? i18n.t('visitor.anonymous');
  void bridge['notify:show']({
    kind: 'escalated',
    conversationId: conversation.id,
    title: i18n.t('notify.escalated'),
    body: `${visitor} — ${i18n.t('supervisor.missedOffers', { count: missedOffers })}`.slice(0, 500),
    tabFocused: false,
  });
}
