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

/** How many conversations a search lists by their visitor, beside its message hits. */
const CONVERSATION_HITS = 10;

export interface SearchFound {
  /** The best of the newest matching messages written in the period. */
  hits: SearchHitRecord[];
  /** The conversations active in the period whose visitor's name or email matches. */
  conversations: ConversationHitRecord[];
}

/** Searches within what a staff member may read. */
export class SearchService {
  /** `searchDb`: the database with the full-text index attached as `search`. */
  constructor(
    private readonly db: Db,
    private readonly searchDb: Db,
  ) {}

  /** Message text (full-text, `limit` hits) and visitors by name or email, in one go. */
  async search(
    staff: StaffPrincipal,
    text: string,
    limit: number,
    period: SearchPeriod,
  ): Promise<SearchFound> {
    const scope = staffScope(staff);
    return {
      hits: await searchMessages(this.searchDb, scope, text, limit, period),
      conversations: await searchConversations(this.db, scope, text, CONVERSATION_HITS, period),
    };
  }
}

/** What the transport asks of search: answered on the server's thread or on a thread of its own. */
export type Searches = Pick<SearchService, 'search'>;
