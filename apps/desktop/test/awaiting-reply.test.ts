import type { Message } from '@switchboard/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalCache } from '../src/main/services/local-cache.js';
import { awaitingReplyOf, replyWaitLevel } from '../src/renderer/features/conversations/awaiting-reply.js';
import { createBrowserBridge } from '../src/renderer/host/browser-bridge.js';
import { AWAITING_REPLY_SCAN, awaitingReplySince } from '../src/shared/awaiting-reply.js';
import type { CachedConversation } from '../src/shared/cache-schemas.js';
import { conversation, message, tempDir } from './support/fakes.js';
import { asOlderCacheFile } from './support/older-cache-file.js';
import { TabStorage } from './support/tab-storage.js';

const ME = '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e';
const VISITOR = { kind: 'visitor' as const, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
const AGENT = { kind: 'agent' as const, id: ME };
const account = { serverUrl: 'https://chat.example.com', userId: ME };
const storageHolder = globalThis as { sessionStorage?: Storage };
const opened: LocalCache[] = [];

afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
  delete storageHolder.sessionStorage;
});

const at = (seq: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString();
const fromVisitor = (id: string, seq: number) => message(id, seq, VISITOR);
const reply = (id: string, seq: number) => message(id, seq, AGENT);
const note = (id: string, seq: number): Message => ({ ...message(id, seq, AGENT), visibility: 'agents' });
const system = (id: string, seq: number): Message => ({
  ...message(id, seq, AGENT),
  sender: { kind: 'system', id: null, name: null },
});
const bot = (id: string, seq: number): Message => ({
  ...message(id, seq, AGENT),
  sender: { kind: 'bot', id: null, name: 'Helper' },
});

describe('since when a visitor has waited for a reply', () => {
  const newestFirst = (...list: Message[]) => awaitingReplySince(list.reverse());
  const c = crypto.randomUUID();

  it('counts from the oldest visitor message after the last reply the visitor saw', () => {
    expect(newestFirst()).toBeNull();
    expect(newestFirst(fromVisitor(c, 1), fromVisitor(c, 2))).toBe(at(1));
    expect(newestFirst(fromVisitor(c, 1), reply(c, 2))).toBeNull();
    expect(newestFirst(fromVisitor(c, 1), reply(c, 2), fromVisitor(c, 3), fromVisitor(c, 4))).toBe(at(3));
    expect(newestFirst(fromVisitor(c, 1), bot(c, 2), fromVisitor(c, 3))).toBe(at(3));
  });

  it('takes no internal note or system line for a reply', () => {
    expect(newestFirst(fromVisitor(c, 1), note(c, 2), system(c, 3))).toBe(at(1));
    expect(newestFirst(reply(c, 1), fromVisitor(c, 2), note(c, 3))).toBe(at(2));
  });

  it(`looks back through at most ${AWAITING_REPLY_SCAN} messages`, () => {
    const long = Array.from({ length: AWAITING_REPLY_SCAN + 50 }, (_, i) => fromVisitor(c, i + 1));
    expect(newestFirst(...long)).toBe(at(51));
  });
});

describe('both workbench caches keep it with the list row', () => {
  it('agree message by message: the desktop file and the browser tab’s memory', async () => {
    const chat = conversation({ status: 'assigned' });
    const desktop = new LocalCache(`${tempDir()}/cache.sqlite`, ME);
    opened.push(desktop);
    storageHolder.sessionStorage = new TabStorage();
    const browser = createBrowserBridge({
      tray: false,
      badge: false,
      webNotifications: false,
      durableCache: false,
    });
    await browser['cache:load'](account);
    desktop.putConversations([chat]);
    await browser['cache:put-conversations']({ ...account, conversations: [chat] });

    const steps: Array<[Message, string | null]> = [
      [fromVisitor(chat.id, 1), at(1)],
      [fromVisitor(chat.id, 2), at(1)],
      [note(chat.id, 3), at(1)],
      [reply(chat.id, 4), null],
      [fromVisitor(chat.id, 5), at(5)],
    ];
    for (const [next, expected] of steps) {
      const [inFile] = desktop.putMessages([next], false);
      const [inTab] = await browser['cache:put-messages']({ ...account, messages: [next], focused: false });
      expect([inFile?.awaitingReplySince, inTab?.awaitingReplySince]).toEqual([expected, expected]);
    }
    expect(desktop.conversation(chat.id)?.awaitingReplySince).toBe(at(5));
  });

  it('is filled in for the open chats of a cache file from before it was kept', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const first = new LocalCache(file, ME);
    const open = conversation({ status: 'assigned' });
    const closed = conversation({ status: 'resolved' });
    first.putConversations([open, closed]);
    first.putMessages([fromVisitor(open.id, 1), fromVisitor(closed.id, 1)], false);
    first.close();
    // The file as the version before the column left it.
    asOlderCacheFile(file, 3);

    const upgraded = new LocalCache(file, ME);
    opened.push(upgraded);
    expect(upgraded.conversation(open.id)?.awaitingReplySince).toBe(at(1));
    // A closed chat's row shows no wait, whatever its messages say.
    const closedRow = upgraded.conversation(closed.id);
    expect(closedRow && awaitingReplyOf(closedRow)).toBeNull();
  });
});

describe('a list row’s reply wait', () => {
  const row = (over: Partial<CachedConversation>, chat = conversation({ status: 'assigned' })) => ({
    conversation: chat,
    unread: 0,
    newest: null,
    syncedSeq: 0,
    awaitingReplySince: null,
    ...over,
  });
  const visitorLast = (seq: number) => ({
    seq,
    senderKind: 'visitor' as const,
    text: 'hello?',
    fileName: null,
    createdAt: at(seq),
    visibility: 'all' as const,
    systemEvent: null,
  });

  it('shows only on an open chat, and from the server’s newest message while the cache is behind it', () => {
    expect(awaitingReplyOf(row({ awaitingReplySince: at(1), syncedSeq: 1 }))).toBe(at(1));
    const queued = conversation({ status: 'queued', lastSeq: 1, lastMessage: visitorLast(1) });
    expect(awaitingReplyOf(row({ awaitingReplySince: at(1) }, queued))).toBeNull();
    const ahead = conversation({ status: 'assigned', lastSeq: 7, lastMessage: visitorLast(7) });
    expect(awaitingReplyOf(row({ syncedSeq: 4 }, ahead))).toBe(at(7));
    expect(awaitingReplyOf(row({ syncedSeq: 4, awaitingReplySince: at(3) }, ahead))).toBe(at(3));
    const answered = conversation({
      status: 'assigned',
      lastSeq: 7,
      lastMessage: { ...visitorLast(7), senderKind: 'agent' },
    });
    expect(awaitingReplyOf(row({ syncedSeq: 7 }, answered))).toBeNull();
    // Answered on another device, or by a supervisor, since this cache last synced: not waiting.
    expect(awaitingReplyOf(row({ syncedSeq: 4, awaitingReplySince: at(3) }, answered))).toBeNull();
    // A note or a whisper is no answer.
    const noted = conversation({
      status: 'assigned',
      lastSeq: 7,
      lastMessage: { ...visitorLast(7), senderKind: 'agent', visibility: 'agents' },
    });
    expect(awaitingReplyOf(row({ syncedSeq: 4, awaitingReplySince: at(3) }, noted))).toBe(at(3));
  });

  it('turns amber past a minute and red past two, as the supervisor tiles do', () => {
    const since = Date.parse(at(0));
    expect(replyWaitLevel(at(0), since + 60_000)).toBe('ok');
    expect(replyWaitLevel(at(0), since + 61_000)).toBe('amber');
    expect(replyWaitLevel(at(0), since + 120_000)).toBe('amber');
    expect(replyWaitLevel(at(0), since + 121_000)).toBe('red');
  });
});
