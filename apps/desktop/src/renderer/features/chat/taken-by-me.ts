/** Conversations the agent took or accepted themselves: their assignment does not ring. */
export const takenByMe = new Set<string>();
