/** Room names. Visitor rooms live on `/visitor`, all others on `/agent`. */
export const rooms = {
  /** Every socket (tab, device) of one visitor. */
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  /** Staff sockets following a conversation: the assignee's and explicit subscribers'. */
  conversation: (conversationId: string) => `conv:${conversationId}`,
  /** Staff sockets of a team's members: queue updates. */
  team: (teamId: string) => `team:${teamId}`,
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  admins: 'admins',
} as const;
