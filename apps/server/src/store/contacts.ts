import type { Db } from './open-sqlite.js';

/** Where a visitor who left a message wants the answer. */
export interface Contact {
  email: string;
  name: string | null;
}

/**
 * Inside the caller's transaction: the conversation's reply address, and the visitor's name when
 * they had none (an anonymous visitor who now gave one). A name already known is never replaced.
 */
export async function saveContactIn(trx: Db, conversationId: string, contact: Contact): Promise<void> {
  await trx
    .updateTable('conversations')
    .set({ reply_to: contact.email })
    .where('id', '=', conversationId)
    .execute();
  if (contact.name === null) return;
  await trx
    .updateTable('visitors')
    .set({ name: contact.name })
    .where('name', 'is', null)
    .where('id', '=', (eb) =>
      eb.selectFrom('conversations').select('visitor_id').where('id', '=', conversationId),
    )
    .execute();
}

/** Where to answer a left message (status `offline`); false when it is not one (taken, ended). */
export async function setContact(
  db: Db,
  conversationId: string,
  contact: Contact,
  at: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('conversations')
      .set({ updated_at: at })
      .where('id', '=', conversationId)
      .where('status', '=', 'offline')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await saveContactIn(trx, conversationId, contact);
    return true;
  });
}
