import type {
  ErrorCode,
  Report,
  ReportConversations,
  ReportDrillQuery,
  ReportQuery,
} from '@switchboard/protocol';
import type { z } from 'zod';
import type { StaffPrincipal } from '../domain/principal.js';
import type { SearchAsk, SearchFound } from '../domain/search-service.js';

/** What the server's thread asks a reading thread; `now` is the domain clock's reading. */
export type ReadRequest = { id: number; viewer: StaffPrincipal; now: number } & (
  | { kind: 'report'; query: z.output<typeof ReportQuery> }
  | { kind: 'report-csv'; query: z.output<typeof ReportQuery> }
  | { kind: 'conversations'; query: z.output<typeof ReportDrillQuery>; limit: number }
  | { kind: 'conversations-csv'; query: z.output<typeof ReportDrillQuery> }
  | { kind: 'search'; ask: SearchAsk }
);

/**
 * The answer: the result (a CSV as one string, which crosses threads as a copy of its bytes; its
 * rows as objects would be rebuilt one by one on the server's thread), a refusal with its code, or
 * a failure (a bug: logged, `internal`).
 */
export type ReadReply =
  | {
      id: number;
      result: Report | ReportConversations | string | SearchFound;
    }
  | { id: number; refused: { code: ErrorCode; message: string } }
  | { id: number; failed: string };
