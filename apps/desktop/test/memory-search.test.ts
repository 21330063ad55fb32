import { describe, expect, it } from 'vitest';
import { searchInMemory } from '../src/renderer/host/memory-search.js';
import { message } from './support/fakes.js';
import { SEARCH_CASES, SEARCHED_BODIES } from './support/search-cases.js';

const VISITOR = { kind: 'visitor' as const, id: crypto.randomUUID() };
const CONVERSATION = crypto.randomUUID();
const held = (...bodies: string[]) => bodies.map((body, i) => message(CONVERSATION, i + 1, VISITOR, body));

describe("the web workbench's offline search over the messages it holds", () => {
  it('reads the text as the cache index does: every word, the last one also as a prefix, accents and case aside', () => {
    const messages = held(...SEARCHED_BODIES);
    for (const [q, seqs] of SEARCH_CASES) {
      expect(
        searchInMemory(messages, q, 10)
          .map((h) => h.seq)
          .sort(),
        q,
      ).toEqual(seqs);
    }
  });

  it('finds only the messages written in the period, as the cache does', () => {
    const messages = held('hello one', 'hello two', 'hello three', 'hello four');
    const at = (seq: number) => messages[seq - 1]?.createdAt;
    expect(searchInMemory(messages, 'hello', 10, { from: at(2), to: at(4) }).map((h) => h.seq)).toEqual([
      3, 2,
    ]);
    expect(searchInMemory(messages, 'hello', 10, { to: at(2) }).map((h) => h.seq)).toEqual([1]);
    expect(searchInMemory(messages, 'hello', 10, { from: '2027-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('answers newest first, within the limit, with a plain-text snippet around the first word', () => {
    const long = `${'lorem '.repeat(30)}the parcel is late ${'ipsum '.repeat(30)}`;
    const messages = held('parcel one', long, 'parcel three');
    const hits = searchInMemory(messages, 'parcel', 2);
    expect(hits.map((h) => h.seq)).toEqual([3, 2]);
    expect(searchInMemory(messages, 'parcel', 2, {}, 2).map((h) => h.seq)).toEqual([1]);
    const snippet = hits[1]?.snippet ?? '';
    expect(snippet).toMatch(/^….*the parcel is late.*…$/);
    expect(snippet.length).toBeLessThan(long.length);
    expect(hits[0]).toEqual({
      conversationId: CONVERSATION,
      seq: 3,
      snippet: 'parcel three',
      createdAt: messages[2]?.createdAt,
      visitorName: null,
      sender: { kind: 'visitor', name: 'Vera' },
    });
  });
});
