import type { EndpointSpec, Result } from '@switchboard/protocol';
import { z } from 'zod';
import { readResult } from './server-input.js';

/** What a download (an endpoint whose `response` is null) gives: the bytes and their media type. */
export interface FileData {
  blob: Blob;
  /** As the server sent it, lower case, without parameters. */
  type: string;
}

export type Data<S extends EndpointSpec> = S['response'] extends z.ZodType
  ? z.output<S['response']>
  : FileData;

export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart body instead of JSON (uploads). */
  form?: FormData;
  token?: string;
}

/**
 * One REST call of the protocol's `restEndpoints`: the envelope's data, or for a download the
 * bytes; never cookies (the server takes none). A network failure becomes `unavailable`.
 */
export async function callRest<S extends EndpointSpec>(
  serverUrl: string,
  spec: S,
  input: CallInput = {},
): Promise<Result<Data<S>>> {
  let path = spec.path;
  for (const [key, value] of Object.entries(input.params ?? {}))
    path = path.replace(`:${key}`, encodeURIComponent(value));
  const url = new URL(path, serverUrl);
  for (const [key, value] of Object.entries(input.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: spec.method,
      headers,
      body: input.form ?? (input.body === undefined ? undefined : JSON.stringify(input.body)),
      credentials: 'omit',
    });
    if (spec.response === null && response.ok) {
      const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      return { ok: true, data: { blob: await response.blob(), type } } as Result<Data<S>>;
    }
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The server cannot be reached.' } };
  }
  try {
    const json: unknown = await response.json();
    // A download that failed answers with the error envelope like any other call.
    const read = readResult(spec.response ?? z.never(), json);
    if (read) return read as Result<Data<S>>;
  } catch {
    // fall through: not the envelope we expect
  }
  return {
    ok: false,
    error: { code: 'internal', message: `Unexpected answer from the server (${response.status}).` },
  };
}
