import { type EndpointSpec, type Result, resultOf } from '@switchboard/protocol';
import type { z } from 'zod';

export type Data<S extends EndpointSpec> = S['response'] extends z.ZodType ? z.output<S['response']> : never;

export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart body instead of JSON (uploads). */
  form?: FormData;
  token?: string;
}

/** One REST call of the protocol's `restEndpoints`; a network failure becomes `unavailable`. */
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
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The server cannot be reached.' } };
  }
  try {
    const json: unknown = await response.json();
    if (!spec.response) return { ok: false, error: { code: 'internal', message: 'Not a JSON endpoint.' } };
    const parsed = resultOf(spec.response).safeParse(json);
    if (parsed.success) return parsed.data as Result<Data<S>>;
  } catch {
    // fall through: not the envelope we expect
  }
  return {
    ok: false,
    error: { code: 'internal', message: `Unexpected answer from the server (${response.status}).` },
  };
}
