import type { Hello, User } from '@switchboard/protocol';
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
  /** Whether (and how long after) the server emails answers to left messages; from `session:hello`. */
  answerEmails: NonNullable<Hello['answerEmails']> | null;
  /** The server told us who we are now (`session:hello`): the same user, perhaps other teams. */
  updateUser(user: User): void;
  setAnswerEmails(answerEmails: Hello['answerEmails']): void;
  setLoggedOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  phase: 'starting',
  serverUrl: '',
  user: null,
  answerEmails: null,
  setReady: (serverUrl, user) => set({ phase: 'ready', serverUrl, user }),
  updateUser: (user) => set((state) => (state.user?.id === user.id ? { user } : {})),
  setAnswerEmails: (answerEmails) => set({ answerEmails: answerEmails ?? null }),
  setLoggedOut: () => set({ phase: 'logged-out', user: null }),
}));

export function currentAccount(): Account | null {
  const { serverUrl, user } = useSession.getState();
  return user ? { serverUrl, userId: user.id } : null;
}
