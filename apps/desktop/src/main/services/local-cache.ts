import {
  type Conversation,
  Conversation as ConversationSchema,
  ftsQuery,
  LastMessage,
  Message,
  type SearchHit,
  type SearchPeriod,
  SenderKind,
} from '@switchboard/protocol';
import Database from 'better-sqlite3';
import { awaitingReplySince } from '../../shared/awaiting-reply.js';
import type {
  CachedConversation,
  CacheSnapshot,
  Draft,
  OutboxItem,
  TabState,
} from '../../shared/cache-schemas.js';
import { OutboxItem as OutboxItemSchema, TabState as TabStateSchema } from '../../shared/cache-schemas.js';
import { newestOf } from '../../shared/newest-message.js';
import { isOwnMessage } from '../../shared/own-message.js';
import { erasureSeq, forgetConversations } from './cache-erasure.js';
import { AWAITING_REPLY_VERSION, migrateCache } from './cache-migrations.js';
import { parseJson } from './parse-json.js';

interface ConversationRow {
  json: string;
  unread: number;
  newest: string | null;
  synced_seq: number;
  awaiting_reply_since: string | null;
}

interface SearchRow {
  conversation_id: string;
  seq: number;
  created_at: string;
  snippet: string;
  sender_kind: string | null;
  sender_name: string | null;
}

/** Words of context a search hit's snippet shows around the match. */
const SNIPPET_WORDS = 16;
/** Conversations in the first paint (a tall screenful plus overscan); the rest follow in pages. */
const FIRST_PAGE = 40;

/**
 * The workbench's local cache for ONE server and user (SECURITY D13): conversations, messages,
 * read marks, the outbox, drafts, tabs and how far through the server's erasures it is, in one
 * better-sqlite3 file.
 */
export class LocalCache {
  readonly #db: Database.Database;
  /** Each statement prepared once: preparing costs more than running most of these. */
  readonly #statements = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    readonly userId: string,
  ) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    const before = migrateCache(this.#db);
    if (before > 0 && before < AWAITING_REPLY_VERSION) this.#fillAwaitingReply();
  }

  /** An older file's open chats: the column is new, their messages are already here. */
  #fillAwaitingReply(): void {
    const open = this.#sql(
      "SELECT id FROM conversations WHERE json_extract(json, '$.status') = 'assigned'",
    ).all() as Array<{ id: string }>;
    this.#db.transaction(() => {
      for (const { id } of open) this.#refresh(id);
    })();
  }

  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    this.#db.close();
  }

  /** The first page of the list (plus the open tabs' conversations): enough to paint at once. */
  snapshot(firstPage = FIRST_PAGE): CacheSnapshot {
    const tabs = this.tabs();
    const page = this.conversations(firstPage, 0);
    const listed = new Set(page.map((c) => c.conversation.id));
    const tabbed = tabs.open.filter((id) => !listed.has(id)).map((id) => this.conversation(id));
    return {
      conversations: [...page, ...tabbed.filter((c) => c !== null)],
      total: this.#count(),
      outbox: this.outbox(),
      drafts: this.drafts(),
      tabs,
    };
  }

  /** Newest activity first, a page at a time. */
  conversations(limit = -1, offset = 0): CachedConversation[] {
    const rows = this.#sql(
      'SELECT json, unread, newest, synced_seq, awaiting_reply_since FROM conversations ORDER BY sort_at DESC, id LIMIT ? OFFSET ?',
    ).all(limit, offset) as ConversationRow[];
    return rows.map(rowToCached);
  }

  #count(): number {
    return (this.#sql('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
  }

  conversation(id: string): CachedConversation | null {
    const row = this.#sql(
      'SELECT json, unread, newest, synced_seq, awaiting_reply_since FROM conversations WHERE id = ?',
    ).get(id) as ConversationRow | undefined;
    return row ? rowToCached(row) : null;
  }

  putConversations(conversations: readonly Conversation[]): CachedConversation[] {
    const upsert = this.#sql(
      `INSERT INTO conversations (id, json, sort_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, sort_at = max(sort_at, excluded.sort_at)`,
    );
    this.#db.transaction(() => {
      for (const c of conversations) upsert.run(c.id, JSON.stringify(c), c.updatedAt);
    })();
    return conversations.map((c) => this.conversation(c.id)).filter((c) => c !== null);
  }

  /** Newest `limit` messages in seq order; with `beforeSeq`, the newest of those older than it. */
  messages(conversationId: string, limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): Message[] {
    const rows = this.#sql(
      'SELECT json FROM (SELECT seq, json FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
    ).all(conversationId, beforeSeq, limit) as Array<{ json: string }>;
    return rows.map((row) => parseJson(Message, row.json));
  }

  /**
   * Stores messages (duplicates by seq are ignored) and returns the conversations they touched.
   * A new message from someone else is unread unless its tab is in front (`focused`). Messages of
   * conversations not cached yet are skipped.
   */
  putMessages(messages: readonly Message[], focused: boolean): CachedConversation[] {
    const insert = this.#sql(
      'INSERT OR IGNORE INTO messages (conversation_id, seq, client_msg_id, mine, json) VALUES (?, ?, ?, ?, ?)',
    );
    // A message the backlog has yet to reach is left to it (indexPending), so each is indexed once.
    const index = this.#sql(
      `INSERT INTO message_text (body, conversation_id, seq, created_at)
       SELECT @body, @conversationId, @seq, @createdAt FROM message_text_backlog
       WHERE done OR (@conversationId, @seq) <= (through_conversation, through_seq)`,
    );
    const touched = new Set<string>();
    this.#db.transaction(() => {
      for (const m of messages) {
        if (!this.#hasConversation(m.conversationId)) continue;
        const mine = isOwnMessage(m, this.userId);
        const inserted = insert.run(m.conversationId, m.seq, m.clientMsgId, mine ? 1 : 0, JSON.stringify(m));
        if (inserted.changes === 0) continue;
        if (m.body !== '')
          index.run({ body: m.body, conversationId: m.conversationId, seq: m.seq, createdAt: m.createdAt });
        touched.add(m.conversationId);
        this.#sql('UPDATE conversations SET sort_at = max(sort_at, ?) WHERE id = ?').run(
          m.createdAt,
          m.conversationId,
        );
      }
      for (const id of touched) {
        if (focused) this.#setReadMark(id, this.#maxSeq(id));
        this.#refresh(id);
      }
    })();
    return [...touched].map((id) => this.conversation(id)).filter((c) => c !== null);
  }

  markRead(conversationId: string, seq: number): CachedConversation | null {
    this.#db.transaction(() => {
      this.#setReadMark(conversationId, seq);
      this.#refresh(conversationId);
    })();
    return this.conversation(conversationId);
  }

  unreadTotal(): number {
    const row = this.#sql('SELECT coalesce(sum(unread), 0) AS total FROM conversations').get() as {
      total: number;
    };
    return row.total;
  }

  /**
   * The cached messages matching `q` (read as the server reads it: `searchTerms`) written in the
   * period: search that works with the server unreachable, a page of `limit` after `offset`. The
   * most recently cached first, not the best match: ranking scores every match, ~300 ms on main's
   * thread for a word in all of 200,000 messages, where this order takes ~14 ms. Snippets are plain
   * text.
   */
  search(q: string, limit: number, period: SearchPeriod = {}, offset = 0): SearchHit[] {
    const match = ftsQuery(q);
    if (match === null) return [];
    // Times compare as text, as the server stores them (`SearchQuery` normalizes the period's
    // ends); no end is a text after every time.
    const from = period.from ?? '';
    const to = period.to ?? '\uffff';
    // The hits first (newest, as many as asked), then who wrote each from its cached message.
    const rows = this.#sql(
      `SELECT hit.*, json_extract(m.json, '$.sender.kind') AS sender_kind,
              json_extract(m.json, '$.sender.name') AS sender_name
         FROM (SELECT rowid AS position, conversation_id, seq, created_at,
                      snippet(message_text, 0, '', '', '…', ${SNIPPET_WORDS}) AS snippet
                 FROM message_text WHERE message_text MATCH ? AND created_at >= ? AND created_at < ?
                 ORDER BY rowid DESC LIMIT ? OFFSET ?) AS hit
         LEFT JOIN messages m ON m.conversation_id = hit.conversation_id AND m.seq = hit.seq
         ORDER BY hit.position DESC`,
    ).all(match, from, to, limit, offset) as SearchRow[];
    return rows.map((r) => {
      const kind = SenderKind.safeParse(r.sender_kind);
      return {
        conversationId: r.conversation_id,
        seq: r.seq,
        snippet: r.snippet,
        createdAt: r.created_at,
        // The renderer names the visitor from its cached conversation.
        visitorName: null,
        sender: kind.success ? { kind: kind.data, name: r.sender_name } : null,
      };
    });
  }

  /**
   * Indexes the next `batch` of the messages cached before the search index existed, in key order;
   * true while more may be waiting. Cheap once none are.
   */
  indexPending(batch: number): boolean {
    return this.#db.transaction(() => {
      const backlog = this.#sql(
        'SELECT through_conversation, through_seq, done FROM message_text_backlog',
      ).get() as { through_conversation: string; through_seq: number; done: number };
      if (backlog.done) return false;
      const rows = this.#sql(
        `SELECT conversation_id, seq, json ->> '$.body' AS body, json ->> '$.createdAt' AS created_at
           FROM messages WHERE (conversation_id, seq) > (?, ?) ORDER BY conversation_id, seq LIMIT ?`,
      ).all(backlog.through_conversation, backlog.through_seq, batch) as Array<{
        conversation_id: string;
        seq: number;
        body: string;
        created_at: string;
      }>;
      const index = this.#sql(
        'INSERT INTO message_text (body, conversation_id, seq, created_at) VALUES (?, ?, ?, ?)',
      );
      for (const r of rows) if (r.body !== '') index.run(r.body, r.conversation_id, r.seq, r.created_at);
      const last = rows.at(-1);
      const done = rows.length < batch;
      this.#sql('UPDATE message_text_backlog SET through_conversation = ?, through_seq = ?, done = ?').run(
        last?.conversation_id ?? backlog.through_conversation,
        last?.seq ?? backlog.through_seq,
        done ? 1 : 0,
      );
      return !done;
    })();
  }

  // Outbox ------------------------------------------------------------------------------------

  enqueue(item: OutboxItem): void {
    this.#sql(
      'INSERT INTO outbox (client_msg_id, conversation_id, json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (client_msg_id) DO UPDATE SET json = excluded.json',
    ).run(item.clientMsgId, item.conversationId, JSON.stringify(item), item.createdAt);
  }

  /** The server acked: the message leaves the outbox and enters the timeline in one transaction. */
  ack(clientMsgId: string, message: Message): CachedConversation[] {
    return this.#db.transaction(() => {
      this.#sql('DELETE FROM outbox WHERE client_msg_id = ?').run(clientMsgId);
      return this.putMessages([message], true);
    })();
  }

  fail(clientMsgId: string, error: string): void {
    const row = this.#sql('SELECT json FROM outbox WHERE client_msg_id = ?').get(clientMsgId) as
      | { json: string }
      | undefined;
    if (!row) return;
    const item = { ...parseJson(OutboxItemSchema, row.json), status: 'failed' as const, error };
    this.#sql('UPDATE outbox SET json = ? WHERE client_msg_id = ?').run(JSON.stringify(item), clientMsgId);
  }

  outbox(): OutboxItem[] {
    const rows = this.#sql('SELECT json FROM outbox ORDER BY created_at, rowid').all() as Array<{
      json: string;
    }>;
    return rows.map((row) => parseJson(OutboxItemSchema, row.json));
  }

  // Drafts and tabs ---------------------------------------------------------------------------

  saveDraft(draft: Draft): void {
    if (draft.body === '' && !draft.internal) {
      this.#sql('DELETE FROM drafts WHERE conversation_id = ?').run(draft.conversationId);
      return;
    }
    this.#sql(
      'INSERT INTO drafts (conversation_id, body, internal) VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, internal = excluded.internal',
    ).run(draft.conversationId, draft.body, draft.internal ? 1 : 0);
  }

  drafts(): Draft[] {
    const rows = this.#sql('SELECT conversation_id, body, internal FROM drafts').all() as Array<{
      conversation_id: string;
      body: string;
      internal: number;
    }>;
    return rows.map((r) => ({ conversationId: r.conversation_id, body: r.body, internal: r.internal === 1 }));
  }

  saveTabs(tabs: TabState): void {
    this.#sql(
      'INSERT INTO tabs (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
    ).run(JSON.stringify(tabs));
  }

  tabs(): TabState {
    const row = this.#sql('SELECT json FROM tabs WHERE id = 1').get() as { json: string } | undefined;
    return row ? parseJson(TabStateSchema, row.json) : { open: [], active: null };
  }

  // Erasure -----------------------------------------------------------------------------------

  /** An admin erased these conversations' visitor: they leave the file for good (cache-erasure.ts). */
  forgetConversations(ids: readonly string[], throughErasureSeq?: number): void {
    forgetConversations(this.#db, ids, throughErasureSeq);
  }

  /** How far through the server's erasures this file is (0: none seen). */
  erasureSeq(): number {
    return erasureSeq(this.#db);
  }

  // Internals ---------------------------------------------------------------------------------

  /** Messages of a conversation not cached yet are skipped: the renderer stores conversations first. */
  #hasConversation(id: string): boolean {
    return this.#sql('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
  }

  #maxSeq(conversationId: string): number {
    const row = this.#sql('SELECT coalesce(max(seq), 0) AS seq FROM messages WHERE conversation_id = ?').get(
      conversationId,
    ) as { seq: number };
    return row.seq;
  }

  #setReadMark(conversationId: string, seq: number): void {
    this.#sql(
      'INSERT INTO read_marks (conversation_id, seq) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET seq = max(seq, excluded.seq)',
    ).run(conversationId, seq);
  }

  /** Recomputes unread, preview and the contiguous synced seq of one conversation. */
  #refresh(conversationId: string): void {
    const mark = this.#sql('SELECT seq FROM read_marks WHERE conversation_id = ?').get(conversationId) as
      | { seq: number }
      | undefined;
    const unread = this.#sql(
      'SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND seq > ? AND mine = 0',
    ).get(conversationId, mark?.seq ?? 0) as { n: number };
    // One read of the newest messages: the newest gives the preview, the ones behind it the wait.
    const newestFirst = this.#newestFirst(conversationId);
    const first = newestFirst.next();
    const lastMessage = first.done ? null : first.value;
    const newest = lastMessage ? JSON.stringify(newestOf(lastMessage)) : null;
    const awaitingSince = lastMessage ? awaitingReplySince(startingWith(lastMessage, newestFirst)) : null;
    const synced = this.#sql('SELECT synced_seq FROM conversations WHERE id = ?').get(conversationId) as
      | { synced_seq: number }
      | undefined;
    let syncedSeq = synced?.synced_seq ?? 0;
    const next = this.#sql('SELECT 1 FROM messages WHERE conversation_id = ? AND seq = ?');
    while (next.get(conversationId, syncedSeq + 1)) syncedSeq++;
    this.#sql(
      'UPDATE conversations SET unread = ?, newest = ?, synced_seq = ?, awaiting_reply_since = ? WHERE id = ?',
    ).run(unread.n, newest, syncedSeq, awaitingSince, conversationId);
  }

  /** A conversation's cached messages, newest first, each parsed only when it is reached. */
  *#newestFirst(conversationId: string): Generator<Message> {
    const rows = this.#sql('SELECT json FROM messages WHERE conversation_id = ? ORDER BY seq DESC').iterate(
      conversationId,
    ) as IterableIterator<{ json: string }>;
    try {
      for (const row of rows) yield parseJson(Message, row.json);
    } finally {
      rows.return?.();
    }
  }
}

/** `first`, then the rest of `rest`; ending early ends `rest` too (its statement stays open until then). */
function* startingWith<T>(first: T, rest: Generator<T>): Generator<T> {
  try {
    yield first;
    yield* rest;
  } finally {
    rest.return(undefined);
  }
}

/** A value this version cannot read (a newer code) leaves the server's preview, if any. */
function newestFrom(text: string | null): LastMessage | null {
  if (text === null) return null;
  try {
    return parseJson(LastMessage, text);
  } catch {
    return null;
  }
}

function rowToCached(row: ConversationRow): CachedConversation {
  return {
    conversation: parseJson(ConversationSchema, row.json),
    unread: row.unread,
    newest: newestFrom(row.newest),
    syncedSeq: row.synced_seq,
    awaitingReplySince: row.awaiting_reply_since,
  };
}
