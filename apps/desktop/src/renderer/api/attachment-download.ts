import type { RestEndpoints } from '@switchboard/protocol';
import type { ServerConnection } from './connection.js';

/** Written out rather than read from `restEndpoints`, so that the first paint loads no schemas; the type keeps it in step. */
const DOWNLOAD_PATH = '/api/attachments/:attachmentId' satisfies RestEndpoints['downloadAttachment']['path'];

export type DownloadConnection = Pick<ServerConnection, 'serverUrl' | 'accessToken' | 'refresh'>;

export interface DownloadedFile {
  blob: Blob;
  /** The media type the server answered with, lower case, without parameters. */
  type: string;
}

/**
 * The bytes of one attachment, with the access token (the server takes no cookies); one refresh and
 * retry when the token has just expired. Any failure (offline, not found, session over) is `null`.
 */
export async function downloadAttachment(
  connection: DownloadConnection,
  attachmentId: string,
): Promise<DownloadedFile | null> {
  let response = await get(connection, attachmentId);
  if (response?.status === 401 && (await expiredToken(response)) && (await connection.refresh())) {
    response = await get(connection, attachmentId);
  }
  if (!response?.ok) return null;
  try {
    const blob = await response.blob();
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return { blob, type };
  } catch {
    return null;
  }
}

async function get(connection: DownloadConnection, attachmentId: string): Promise<Response | null> {
  const url = new URL(
    DOWNLOAD_PATH.replace(':attachmentId', encodeURIComponent(attachmentId)),
    connection.serverUrl,
  );
  try {
    return await fetch(url, {
      headers: { authorization: `Bearer ${connection.accessToken}` },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return null;
  }
}

async function expiredToken(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null || !('error' in body)) return false;
    const error: unknown = body.error;
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'token-expired';
  } catch {
    return false;
  }
}
