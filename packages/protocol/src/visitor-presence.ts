/**
 * A visitor counts as gone from the site once no page of theirs has had the widget connected for
 * this long: a page load or a network blip closes the connection for a moment. A module of its
 * own, without schemas, so that the workbench's first paint can use it without loading zod.
 */
export const VISITOR_GONE_AFTER_SECONDS = 10;

/**
 * Where a staff client reads `Conversation.visitor.leftAt`: `present` while the visitor has the
 * site open (or left less than VISITOR_GONE_AFTER_SECONDS ago), `gone` since `leftAt`, `unknown`
 * from a server older than presence.
 */
export type VisitorPresence = { kind: 'present' } | { kind: 'gone'; since: string } | { kind: 'unknown' };

export function visitorPresence(leftAt: string | null | undefined, now: number): VisitorPresence {
  if (leftAt === undefined) return { kind: 'unknown' };
  if (leftAt === null || now - Date.parse(leftAt) < VISITOR_GONE_AFTER_SECONDS * 1000)
    return { kind: 'present' };
  return { kind: 'gone', since: leftAt };
}
