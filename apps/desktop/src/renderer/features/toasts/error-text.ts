import type { ApiError, ConflictReason, ErrorCode } from '@switchboard/protocol';
import type { Messages } from '../../i18n/en.js';
import { i18n } from '../../i18n/index.js';

// Every error code and conflict reason has words in every language: a new one fails to compile
// until it does.
const covered: Record<ErrorCode, string> = {} as Messages['errors'];
const reasons: Record<ConflictReason['code'], string> = {} as Messages['conflictReasons'];
void covered;
void reasons;

/**
 * A failed request's error in the app's language. The server explains in English, often with
 * specifics ("Alice is at capacity."): the English workbench shows that; another language words
 * the conflict's reason where the server sent one, else says what the code means.
 */
export function errorText(error: ApiError): string {
  if (error.code !== 'unknown-event' && i18n.language === 'en') return error.message;
  const reason = conflictReason(error);
  if (reason) return i18n.t(`conflictReasons.${reason.code}`, reason.params);
  return i18n.t(`errors.${error.code}`);
}

/**
 * `details.reason` of a conflict, checked by hand (no zod in the first paint): a known code, and
 * its string fields as the words' parameters. Unknown codes are ignored.
 */
function conflictReason(
  error: ApiError,
): { code: ConflictReason['code']; params: Record<string, string> } | null {
  if (error.code !== 'conflict' || typeof error.details !== 'object' || error.details === null) return null;
  const reason = (error.details as { reason?: unknown }).reason;
  if (typeof reason !== 'object' || reason === null) return null;
  const { code, ...rest } = reason as Record<string, unknown>;
  if (typeof code !== 'string' || !i18n.exists(`conflictReasons.${code}`)) return null;
  const params = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { code: code as ConflictReason['code'], params };
}
