import { Id } from '@switchboard/protocol';

export type DeepLink = { view: 'conversation'; conversationId: string };

export const DEEP_LINK_SCHEME = 'switchboard:';

/** Deep links are untrusted input (SECURITY D11): only known views with a valid id get through. */
export function parseDeepLink(raw: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== DEEP_LINK_SCHEME) return null;
  // switchboard://conversation/ID parses as host "conversation", path "/ID".
  const [, id, ...rest] = url.pathname.split('/');
  if (url.hostname !== 'conversation' || rest.length > 0 || url.search || url.hash) return null;
  const parsed = Id.safeParse(id);
  return parsed.success ? { view: 'conversation', conversationId: parsed.data } : null;
}

/** The deep link among a second instance's command line arguments, if any. */
export function deepLinkInArgs(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    const link = arg.startsWith(DEEP_LINK_SCHEME) ? parseDeepLink(arg) : null;
    if (link) return link;
  }
  return null;
}
