import {
  foldForSearch as fold,
  inSearchPeriod,
  type Message,
  type SearchHit,
  type SearchPeriod,
  searchTerms,
  searchWords as wordsOf,
} from '@switchboard/protocol';

/** Characters of context a snippet shows before and after the first match. */
const BEFORE = 60;
const AFTER = 100;

/**
 * The web workbench's offline search over the messages it holds in memory, read as the desktop
 * cache's index reads `q` (`searchTerms`): every word required, the last one also as the start of
 * a word; only messages written in the period. Newest first, a page of `limit` after `offset`;
 * snippets are plain text.
 */
export function searchInMemory(
  messages: Iterable<Message>,
  q: string,
  limit: number,
  period: SearchPeriod = {},
  offset = 0,
): SearchHit[] {
  const words = searchTerms(q).flatMap(wordsOf);
  if (words.length === 0) return [];
  const last = words.length - 1;
  const hits: Message[] = [];
  for (const message of messages) {
    if (message.body === '' || !inSearchPeriod(message.createdAt, period)) continue;
    const own = wordsOf(message.body);
    const found = words.every((word, i) => own.some((w) => (i === last ? w.startsWith(word) : w === word)));
    if (found) hits.push(message);
  }
  return hits
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(offset, offset + limit)
    .map((m) => ({
      conversationId: m.conversationId,
      seq: m.seq,
      snippet: snippetOf(m.body, words[0] ?? ''),
      createdAt: m.createdAt,
      // Held in memory means its conversation is too: the list names the visitor from it.
      visitorName: null,
      sender: { kind: m.sender.kind, name: m.sender.name },
    }));
}

function snippetOf(body: string, word: string): string {
  const at = Math.max(0, fold(body).indexOf(word));
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(body.length, at + AFTER);
  return `${start > 0 ? '…' : ''}${body.slice(start, end)}${end < body.length ? '…' : ''}`;
}
