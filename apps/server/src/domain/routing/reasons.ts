import type { RoutingReason } from '@switchboard/protocol';

/** The decision's `why`: its reason in one English sentence (clients word `reason` in their own language). */
export function whyOf(reason: RoutingReason): string {
  switch (reason.code) {
    case 'previous-agent':
      return `${reason.agent} helped this visitor before`;
    case 'lowest-load':
      return reason.tiedWith > 1
        ? `lowest load (${reason.load}/${reason.capacity}), idle longest among ${reason.tiedWith} equally loaded`
        : `lowest load (${reason.load}/${reason.capacity})`;
    case 'picked':
      return `picked from the queue by ${reason.agent}`;
    case 'offline-picked':
      return `offline message picked up by ${reason.agent}`;
    case 'accepted':
      return 'accepted the offer';
    case 'transferred':
      return reason.note === null
        ? `transferred by ${reason.actor}`
        : `transferred by ${reason.actor}: ${reason.note}`;
  }
}
