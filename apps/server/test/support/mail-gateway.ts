import type { InboundEmailReceipt, Result } from '@switchboard/protocol';

/**
 * A visitor's plain-text reply to one of our emails (`answers`: its Message-ID), as a mail program
 * writes it: what they wrote, then the quoted answer under an "On … wrote:" line.
 */
export function plainReply(reply: { from: string; answers: string; text: string; quoted: string }): string {
  return [
    `From: ${reply.from}`,
    'Subject: Re: your message',
    `In-Reply-To: ${reply.answers}`,
    `References: ${reply.answers}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    reply.text,
    '',
    'On Saturday, the shop wrote:',
    `> ${reply.quoted}`,
    '',
  ].join('\r\n');
}

/**
 * Posts a raw email to the server as its mail gateway does (`secret: null` sends none); with the
 * answer's `Retry-After` header, if any.
 */
export async function postAsGateway(
  url: string,
  raw: Buffer | string,
  options: { secret: string | null; contentType?: string },
): Promise<{ status: number; body: Result<InboundEmailReceipt>; retryAfter: string | null }> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'message/rfc822' };
  if (options.secret !== null) headers.authorization = `Bearer ${options.secret}`;
  const body = typeof raw === 'string' ? raw : new Uint8Array(raw);
  const response = await fetch(`${url}/api/email/inbound`, { method: 'POST', headers, body });
  return {
    status: response.status,
    body: (await response.json()) as Result<InboundEmailReceipt>,
    retryAfter: response.headers.get('retry-after'),
  };
}
