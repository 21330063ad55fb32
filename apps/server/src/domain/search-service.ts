import type { SearchPeriod } from '@switchboard/protocol';
import type { Db } from '../store/open-sqlite.js';
import {
  type ConversationHitRecord,
  type SearchHitRecord,
  searchConversations,
  searchMessages,
} from '../store/search.js';
import { staffScope } from './policy.js';
import type { StaffPrincipal } from './principal.js';

/** Searches within what a staff member may read. */
export class SearchService {
  /** `searchDb`: the database with the full-text index attached as `search`. */
  constructor(
    private readonly db: Db,
    private readonly searchDb: Db,
  ) {}

  /** Full-text search over message text: the best of the newest matches written in the period. */
  messages(
    staff: StaffPrincipal,
    text: string,
    limit: number,
    period: SearchPeriod,
  ): Promise<SearchHitRecord[]> {
    return searchMessages(this.searchDb, staffScope(staff), text, limit, period);
  }

  /** The conversations active in the period whose visitor's name or email matches. */
  visitors(
    staff: StaffPrincipal,
    text: string,
    limit: number,
    period: SearchPeriod,
  ): Promise<ConversationHitRecord[]> {
    return searchConversations(this.db, staffScope(staff), text, limit, period);
  }
}

/** What the transport asks of search: answered on the server's thread or on a thread of its own. */
export type Searches = Pick<SearchService, 'messages' | 'visitors'>;
