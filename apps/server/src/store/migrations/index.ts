import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_widget.js';
import * as m0003 from './0003_routing.js';
import * as m0004 from './0004_canned_replies.js';
import * as m0005 from './0005_rule_weight.js';
import * as m0006 from './0006_fts_in_background.js';
import * as m0007 from './0007_supervisor.js';
import * as m0008 from './0008_search_index_file.js';
import * as m0009 from './0009_leave_queue.js';
import * as m0010 from './0010_system_event.js';
import * as m0011 from './0011_entered_queue_at.js';
import * as m0012 from './0012_visitor_left_at.js';
import * as m0013 from './0013_answer_emails.js';
import * as m0014 from './0014_message_via.js';
import * as m0015 from './0015_contact_search.js';
import * as m0016 from './0016_erasures.js';
import * as m0017 from './0017_email_lookup.js';
import * as m0018 from './0018_report_indexes.js';
import * as m0019 from './0019_retention_indexes.js';
import * as m0020 from './0020_list_indexes.js';
import * as m0021 from './0021_foreign_key_indexes.js';
import * as m0022 from './0022_visited_pages.js';
import * as m0023 from './0023_page_tracking.js';
import * as m0024 from './0024_typing_preview.js';

/** Numbered, append-only. Add `'0002_<what>': m0002` below; never edit or reorder an entry. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_widget': m0002,
  '0003_routing': m0003,
  '0004_canned_replies': m0004,
  '0005_rule_weight': m0005,
  '0006_fts_in_background': m0006,
  '0007_supervisor': m0007,
  '0008_search_index_file': m0008,
  '0009_leave_queue': m0009,
  '0010_system_event': m0010,
  '0011_entered_queue_at': m0011,
  '0012_visitor_left_at': m0012,
  '0013_answer_emails': m0013,
  '0014_message_via': m0014,
  '0015_contact_search': m0015,
  '0016_erasures': m0016,
  '0017_email_lookup': m0017,
  '0018_report_indexes': m0018,
  '0019_retention_indexes': m0019,
  '0020_list_indexes': m0020,
  '0021_foreign_key_indexes': m0021,
  '0022_visited_pages': m0022,
  '0023_page_tracking': m0023,
  '0024_typing_preview': m0024,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
