import type { RoutingDecision } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/** Why routing chose as it did, in the agent's language; decisions recorded before `reason` existed have only the server's English. */
export function routingWhy(t: TFunction, decision: RoutingDecision): string {
  const reason = decision.reason;
  if (!reason) return decision.why;
  switch (reason.code) {
    case 'lowest-load':
      return reason.tiedWith > 1
        ? t('routingWhy.lowest-load-tied', {
            load: reason.load,
            capacity: reason.capacity,
            tied: reason.tiedWith,
          })
        : t('routingWhy.lowest-load', { load: reason.load, capacity: reason.capacity });
    case 'transferred':
      return reason.note === null
        ? t('routingWhy.transferred', { actor: reason.actor })
        : t('routingWhy.transferred-note', { actor: reason.actor, note: reason.note });
    case 'accepted':
      return t('routingWhy.accepted');
    default:
      return t(`routingWhy.${reason.code}`, { agent: reason.agent });
  }
}
