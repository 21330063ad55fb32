import { randomUUID } from 'node:crypto';
import type { BotEntry } from '@switchboard/protocol';
import { z } from 'zod';
import type { Db } from './open-sqlite.js';

const Keywords = z.array(z.string());

export async function loadBotEntries(db: Db, teamId: string): Promise<BotEntry[]> {
  const rows = await db
    .selectFrom('bot_entries')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ keywords: Keywords.parse(JSON.parse(r.keywords)), answer: r.answer }));
}

export async function replaceBotEntries(db: Db, teamId: string, entries: BotEntry[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bot_entries').where('team_id', '=', teamId).execute();
    for (const [position, entry] of entries.entries()) {
      await trx
        .insertInto('bot_entries')
        .values({
          id: randomUUID(),
          team_id: teamId,
          keywords: JSON.stringify(entry.keywords),
          answer: entry.answer,
          position,
        })
        .execute();
    }
  });
}
