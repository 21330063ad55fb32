import type { ApiError, ErrorCode } from '@switchboard/protocol';
import type { Messages } from '../../i18n/en.js';
import { i18n } from '../../i18n/index.js';

// Every error code has words in every language: a new code fails to compile until it does.
const covered: Record<ErrorCode, string> = {} as Messages['errors'];
void covered;

/**
 * A failed request's error in the app's language. The server explains in English, often with
 * specifics ("Alice is at capacity."): the English workbench shows that; another language says
 * what the code means.
 */
export function errorText(error: ApiError): string {
  if (error.code !== 'unknown-event' && i18n.language === 'en') return error.message;
  return i18n.t(`errors.${error.code}`);
}
