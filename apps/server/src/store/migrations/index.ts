import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';

/** Numbered, append-only. Add `'0002_<what>': m0002` below; never edit or reorder an entry. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
