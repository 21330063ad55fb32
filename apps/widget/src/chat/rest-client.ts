import type { ApiError, Attachment } from '@switchboard/protocol';
import { checkResult, type Guard, isAttachment, type Outcome } from './wire-guards.js';

const NETWORK_ERROR: ApiError = { code: 'unavailable', message: 'The server could not be reached.' };

/** The widget's REST calls: JSON in, Result envelopes out, never cookies (credentials travel as Bearer). */
export class RestClient {
  constructor(private readonly serverUrl: string) {}

  async json<T>(
    method: 'GET' | 'POST',
    path: string,
    guard: Guard<T>,
    options: { token?: string | undefined; body?: unknown } = {},
  ): Promise<Outcome<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${this.serverUrl}${path}`, {
        method,
        headers,
        credentials: 'omit',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      return checkResult(await response.json(), guard);
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
  }

  async upload(conversationId: string, file: File, token: string): Promise<Outcome<Attachment>> {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const response = await fetch(`${this.serverUrl}/api/conversations/${conversationId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        credentials: 'omit',
        body: form,
      });
      return checkResult(await response.json(), isAttachment);
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
  }

  /** Bytes of an authorized download (attachments, transcripts), for a blob URL. */
  async blob(path: string, token: string): Promise<Blob | undefined> {
    try {
      const response = await fetch(`${this.serverUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        credentials: 'omit',
      });
      return response.ok ? await response.blob() : undefined;
    } catch {
      return undefined;
    }
  }
}
