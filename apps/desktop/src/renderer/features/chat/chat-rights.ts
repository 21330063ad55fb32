import type { Conversation, Role } from '@switchboard/protocol';

/** What the signed-in staff member may do with a chat, as its header offers it. */
export interface ChatRights {
  /** Theirs and open: they reply, transfer and resolve it. */
  mine: boolean;
  /** They may resolve it: theirs, or a left message a supervisor closes unanswered (spam, say). */
  canClose: boolean;
  /** They may correct its tags: resolved, and theirs last, or they supervise (the server decides). */
  canRetag: boolean;
}

export function chatRights(c: Conversation, me: string | undefined, role: Role | undefined): ChatRights {
  const mine = c.assignee?.id === me && c.status === 'assigned';
  const canClose = mine || (c.status === 'offline' && (role === 'supervisor' || role === 'admin'));
  const canRetag =
    c.status === 'resolved' && (c.assignee?.id === me || role === 'supervisor' || role === 'admin');
  return { mine, canClose, canRetag };
}
