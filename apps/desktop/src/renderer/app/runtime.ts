import type { ServerConnection } from '../api/connection.js';
import type { Account } from '../features/session/store.js';

/** The live connection of the logged-in account (one per workbench window). */
export const runtime: { connection: ServerConnection | null; account: Account | null } = {
  connection: null,
  account: null,
};

export function requireAccount(): Account {
  if (!runtime.account) throw new Error('Not logged in.');
  return runtime.account;
}
