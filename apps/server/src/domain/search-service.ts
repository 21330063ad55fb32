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

/** A search: its words, the period searched, and which page of the message hits. */
export interface SearchAsk {
  text: string;
  period: SearchPeriod;
  limit: number;
  /** How many of the best hits the pages before this one held. */
  offset: number;
}

export interface SearchFound {
  /** The best of the newest matching messages written in the period. */
  hits: SearchHitRecord[];
  /** The conversations active in the period whose visitor's name or email matches. */
  conversations: ConversationHitRecord[];
  /** Further hits follow this page. */
  more: boolean;
}

/** Searches within what a staff member may read. */
export class SearchService {
  /** `searchDb`: the database with the full-text index attached as `search`. */
  constructor(
    private readonly db: Db,
    private readonly searchDb: Db,
  ) {}

  /** Message text (full-text, a page of hits) and visitors by name or email, in one go. */
  async search(staff: StaffPrincipal, { text, period, limit, offset }: SearchAsk): Promise<SearchFound> {
    const scope = staffScope(staff);
    // One hit more than the page tells whether another page follows.
    const hits = await searchMessages(this.searchDb, scope, text, limit + 1, period, offset);
    return {
      hits: hits.slice(0, limit),
      conversations: await searchConversations(this.db, scope, text, CONVERSATION_HITS, period),
      more: hits.length > limit,
    };
  }
}

/** What the transport asks of search: answered on the server's thread or on a thread of its own. */
export type Searches = Pick<SearchService, 'search'>;
