import type { ApiError } from '@switchboard/protocol';
import { DomainError } from './domain/errors.js';

/** Known refusals keep their code; anything else is logged and leaves as a bare `internal`. */
export interface ErrorLogger {
  error(details: object, message: string): void;
}

export function toApiError(error: unknown, logger: ErrorLogger, context: Record<string, unknown>): ApiError {
  if (error instanceof DomainError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  logger.error({ err: error, ...context }, 'request failed');
  return { code: 'internal', message: 'Something went wrong on the server.' };
}
