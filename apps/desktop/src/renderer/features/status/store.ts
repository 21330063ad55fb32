import type { AgentStatus, Offer, Role, StatusReason } from '@switchboard/protocol';
import { create } from 'zustand';

interface PresenceState {
  status: AgentStatus;
  reason: StatusReason;
  reachable: boolean;
  /** What the agent last chose; restored on every reconnect (the server may have marked them disconnected). */
  desired: 'online' | 'away' | 'offline';
  offers: Record<string, Offer>;
  /** Conversations newly assigned to the agent and not opened yet: they ring. */
  ringing: string[];
  /** The agent asked a supervisor for help (`agent:hand`); sent again after every reconnect. */
  handRaised: boolean;
  setHandRaised(raised: boolean): void;
  setStatus(status: AgentStatus, reason: StatusReason): void;
  setDesired(desired: 'online' | 'away' | 'offline'): void;
  setReachable(reachable: boolean): void;
  addOffer(offer: Offer): void;
  removeOffer(offerId: string): void;
  ring(conversationId: string): void;
  stopRinging(conversationId: string): void;
}

export const usePresence = create<PresenceState>((set) => ({
  status: 'offline',
  reason: 'manual',
  reachable: false,
  desired: 'online',
  offers: {},
  ringing: [],
  handRaised: false,
  setHandRaised: (handRaised) => set({ handRaised }),
  setStatus: (status, reason) => set({ status, reason }),
  setDesired: (desired) => set({ desired }),
  setReachable: (reachable) => set({ reachable }),
  addOffer: (offer) => set((s) => ({ offers: { ...s.offers, [offer.offerId]: offer } })),
  removeOffer: (offerId) =>
    set((s) => {
      const { [offerId]: _gone, ...offers } = s.offers;
      return { offers };
    }),
  ring: (id) => set((s) => (s.ringing.includes(id) ? s : { ringing: [...s.ringing, id] })),
  stopRinging: (id) => set((s) => ({ ringing: s.ringing.filter((r) => r !== id) })),
}));

/**
 * Where a session starts: agents take chats at once; supervisors and admins, who are in teams to
 * watch and steer them, start away and go online only when they choose to take chats too.
 */
export function statusAtSignIn(role: Role): 'online' | 'away' {
  return role === 'agent' ? 'online' : 'away';
}
