import { randomUUID } from 'node:crypto';
import { openSqlite, rawSqlite } from '../../src/store/open-sqlite.js';
import { searchIndexFile } from '../../src/store/search-index.js';

/** Words of a shop's support chats, the first ones the most frequent. */
const COMMON =
  'order delivery refund payment card account password shipping address invoice help please thanks hello broken late package tracking number return exchange size colour discount coupon code cart checkout login email phone cancel subscription plan upgrade price'.split(
    ' ',
  );
/** A long tail of rarer words (product names, order numbers). */
const RARE = Array.from({ length: 3_000 }, (_, i) => `w${i.toString(36)}x`);

/**
 * `perConversation` visitor messages in every conversation of the store at `file`, 5–20 words each
 * (half of them common, skewed to the first; half rare, skewed likewise), and the full-text index
 * built from them at once (as the background worker would, slice by slice). Deterministic.
 */
export async function seedMessages(file: string, perConversation: number): Promise<number> {
  let state = 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = (words: readonly string[], skew: number) =>
    words[Math.floor(random() ** skew * words.length)] as string;
  const body = () =>
    Array.from({ length: 5 + Math.floor(random() * 15) }, () =>
      random() < 0.5 ? pick(COMMON, 2) : pick(RARE, 3),
    ).join(' ');
  const { db, close } = openSqlite(file, 'normal');
  try {
    const sqlite = rawSqlite(db);
    if (!sqlite) throw new Error('the search benchmark needs SQLite');
    const conversations = sqlite
      .prepare('SELECT id, created_at FROM conversations ORDER BY created_at')
      .all() as Array<{
      id: string;
      created_at: string;
    }>;
    const insert = sqlite.prepare(
      `INSERT INTO messages (conversation_id, seq, client_msg_id, sender_kind, sender_id, sender_name, body,
         visibility, created_at)
       VALUES (?, ?, ?, 'visitor', NULL, NULL, ?, 'all', ?)`,
    );
    sqlite.transaction(() => {
      for (const c of conversations) {
        for (let seq = 1; seq <= perConversation; seq++)
          insert.run(c.id, seq, randomUUID(), body(), c.created_at);
      }
    })();
    sqlite.prepare('ATTACH DATABASE ? AS search').run(searchIndexFile(file));
    sqlite.exec('INSERT INTO search.messages_fts (rowid, body) SELECT id, body FROM messages');
    sqlite.exec(
      "INSERT OR REPLACE INTO search.index_state (key, value) SELECT 'indexed_through', max(id) FROM messages",
    );
    sqlite.exec('DETACH DATABASE search');
    return conversations.length * perConversation;
  } finally {
    await close();
  }
}
