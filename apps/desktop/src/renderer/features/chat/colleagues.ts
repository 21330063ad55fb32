import type { ConversationViewers, TypingUpdate } from '@switchboard/protocol';
import { create } from 'zustand';
import { currentRoute } from '../../app/routes.js';
import { runtime } from '../../app/runtime.js';
import { useSession } from '../session/store.js';
import { useTabs } from '../tabs/store.js';
import { showTyping } from './typing-expiry.js';

type Viewer = ConversationViewers['viewers'][number];

interface ColleaguesState {
  /** Other staff members with the conversation in front (PRODUCT: collision control). */
  viewers: Record<string, Viewer[]>;
  /** The colleague typing in the conversation, by name. */
  typing: Record<string, string | null>;
  setViewers(conversationId: string, viewers: Viewer[]): void;
  setTyping(conversationId: string, name: string | null): void;
}

export const useColleagues = create<ColleaguesState>((set) => ({
  viewers: {},
  typing: {},
  setViewers: (id, viewers) => set((s) => ({ viewers: { ...s.viewers, [id]: viewers } })),
  setTyping: (id, name) => set((s) => ({ typing: { ...s.typing, [id]: name } })),
}));

/** `conversation:viewers`: everyone but me. */
export function onViewers({ conversationId, viewers }: ConversationViewers): void {
  const me = useSession.getState().user?.id;
  useColleagues.getState().setViewers(
    conversationId,
    viewers.filter((v) => v.id !== me),
  );
}

/** A colleague's `typing:update` (my own other windows' are ignored). */
export function onColleagueTyping({ conversationId, sender, typing }: TypingUpdate): void {
  if (sender.kind !== 'agent' || sender.id === null || sender.id === useSession.getState().user?.id) return;
  const name = sender.name ?? '';
  showTyping(`colleague ${conversationId}`, typing, (on) =>
    useColleagues.getState().setTyping(conversationId, on ? name : null),
  );
}

let announced: string | null | undefined;
/** Tells the server which chat this window shows in front: the active tab, on the workbench view. */
export function announceViewing(force = false): void {
  const conversationId = currentRoute() === 'workbench' ? useTabs.getState().active : null;
  if (!force && conversationId === announced) return;
  announced = conversationId;
  void runtime.connection?.request('conversation:view', { conversationId });
}

/** Announces the chat in front whenever the active tab or the view changes. */
export function watchViewing(): () => void {
  announceViewing();
  const stopTabs = useTabs.subscribe((state, previous) => {
    if (state.active !== previous.active) announceViewing();
  });
  const onHash = () => announceViewing();
  window.addEventListener('hashchange', onHash);
  return () => {
    stopTabs();
    window.removeEventListener('hashchange', onHash);
    announced = undefined;
  };
}
