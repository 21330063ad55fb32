import type { Attachment, Result } from '@switchboard/protocol';

/** A 1×1 PNG: the smallest file the upload checks accept as an image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A PDF the upload checks accept, padded with a comment to `size` bytes when asked. */
export function pdf(size = 0): Buffer {
  const file = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer<<>>\n%%EOF\n');
  if (size <= file.length) return file;
  return Buffer.concat([file, Buffer.from(`%${'x'.repeat(size - file.length - 2)}\n`)]);
}

/** Uploads a file to a conversation, as the widget and the workbench do (one multipart part). */
export async function upload(
  url: string,
  conversationId: string,
  token: string,
  name: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Result<Attachment> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${url}/api/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Result<Attachment> };
}
