/**
 * How a conversation's emails are named: each answer email `<conversationId.seq@domain>` (`seq`
 * the last message it carries), every email of one conversation in the thread
 * `<conversationId@domain>`, `domain` the sender's. Replies and bounces name them back.
 */
export function answerEmailId(conversationId: string, seq: number, domain: string): string {
  return `<${conversationId}.${seq}@${domain}>`;
}

export function threadId(conversationId: string, domain: string): string {
  return `<${conversationId}@${domain}>`;
}

const NAMED = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.(\d+))?@([^<>@\s]+)>$/i;

/** The conversation (and the seq, for an answer email) one of our ids at `domain` names; else null. */
export function readEmailId(
  id: string,
  domain: string,
): { conversationId: string; seq: number | null } | null {
  const match = NAMED.exec(id);
  if (!match || match[3]?.toLowerCase() !== domain.toLowerCase()) return null;
  return {
    conversationId: (match[1] ?? '').toLowerCase(),
    seq: match[2] === undefined ? null : Number(match[2]),
  };
}
