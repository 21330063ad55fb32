import type { User } from '@switchboard/protocol';
import { create } from 'zustand';

export interface Account {
  serverUrl: string;
  userId: string;
}

interface SessionState {
  phase: 'starting' | 'logged-out' | 'ready';
  serverUrl: string;
  user: User | null;
  setReady(serverUrl: string, user: User): void;
  /** The server told us who we are now (`session:hello`): the same user, perhaps other teams. */
  updateUser(user: User): void;
  setLoggedOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'starting',
  serverUrl: '',
  user: null,
  setReady: (serverUrl, user) => set({ phase: 'ready', serverUrl, user }),
  updateUser: (user) => set((state) => (state.user?.id === user.id ? { user } : {})),
  setLoggedOut: () => set({ phase: 'logged-out', user: null }),
}));

export function currentAccount(): Account | null {
  const { serverUrl, user } = useSession.getState();
  return user ? { serverUrl, userId: user.id } : null;
}
