import type { Attachment, Message } from '@switchboard/protocol';
import { el } from '../../shared/dom.js';
import type { Strings } from '../i18n.js';
import type { OutboxEntry } from '../outbox.js';

/** Fetches an attachment's bytes with the visitor's token and gives back a blob URL. */
export type AttachmentLoader = (attachment: Attachment) => Promise<string | undefined>;

function attachmentView(attachment: Attachment, load: AttachmentLoader, t: Strings): HTMLElement {
  if (attachment.mimeType.startsWith('image/')) {
    const img = el('img', { class: 'sb-thumb', alt: attachment.fileName });
    void load(attachment).then((url) => {
      if (url) img.src = url;
    });
    return img;
  }
  const button = el('button', { type: 'button', class: 'sb-file' }, `${t.file}: ${attachment.fileName}`);
  button.addEventListener('click', () => {
    void load(attachment).then((url) => {
      if (!url) return;
      const link = el('a', { href: url, download: attachment.fileName });
      link.click();
    });
  });
  return button;
}

/**
 * A message's words in the visitor's language where it says what as data (a system message, the
 * bot's hand-over); else its body (English for the server's own, as written for people's).
 */
function wordedText(message: Message, t: Strings): string {
  const event = message.systemEvent;
  if (event?.code === 'supervisor-joined' && typeof event.name === 'string') {
    return t.supervisorJoined.replace('{name}', event.name);
  }
  if (event?.code === 'bot-handoff') return t.botHandoff;
  return message.body;
}

/** Who wrote a message the visitor did not: the agent's name; the bot, in the visitor's language. */
function senderName(message: Message, t: Strings): string {
  return message.sender.kind === 'bot' ? t.assistant : (message.sender.name ?? t.someone);
}

/** A confirmed message. Every piece of content is set as text (names and bodies are untrusted). */
export function messageView(message: Message, t: Strings, load: AttachmentLoader): HTMLElement {
  const own = message.sender.kind === 'visitor';
  const kind = own ? 'sb-own' : message.sender.kind === 'system' ? 'sb-system' : 'sb-agent';
  const text = own ? message.body : wordedText(message, t);
  const node = el(
    'div',
    { class: `sb-msg ${kind}`, 'data-seq': message.seq },
    kind === 'sb-agent' ? el('span', { class: 'sb-name' }, senderName(message, t)) : null,
    own ? el('span', { class: 'sb-visually-hidden' }, `${t.you}: `) : null,
    text ? el('span', { class: 'sb-text' }, text) : null,
    message.attachment ? attachmentView(message.attachment, load, t) : null,
    // Their reply to an answer's email: said, since they did not write it here.
    own && message.via === 'email' ? el('span', { class: 'sb-via' }, t.viaEmail) : null,
  );
  return node;
}

/** An unacknowledged message of the visitor: sending, waiting for the network, or failed with a retry. */
export function pendingView(
  entry: OutboxEntry,
  t: Strings,
  state: { online: boolean; last: boolean },
  onRetry: (clientMsgId: string) => void,
): HTMLElement {
  // Failures on every message; the sending state once, under the last one.
  const status = entry.failed ? t.failed : !state.last ? '' : state.online ? t.sending : t.waitingNetwork;
  const receipt = status ? el('span', { class: 'sb-receipt' }, status) : null;
  if (entry.failed) {
    const retry = el('button', { type: 'button' }, t.retry);
    retry.addEventListener('click', () => onRetry(entry.clientMsgId));
    receipt?.append(retry);
  }
  return el(
    'div',
    {
      class: `sb-msg sb-own sb-pending-msg${entry.failed ? ' sb-failed' : ''}`,
      'data-client-msg-id': entry.clientMsgId,
    },
    entry.body ? el('span', { class: 'sb-text' }, entry.body) : null,
    entry.attachment ? el('span', { class: 'sb-text' }, `${t.file}: ${entry.attachment.fileName}`) : null,
    receipt,
  );
}
