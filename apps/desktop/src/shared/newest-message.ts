import { type LastMessage, type Message, PREVIEW_LENGTH } from '@switchboard/protocol';

/** A cached message as a list row's preview: the shape the server gives `lastMessage`. */
export function newestOf(message: Message): LastMessage {
  return {
    seq: message.seq,
    senderKind: message.sender.kind,
    text: message.body.slice(0, PREVIEW_LENGTH),
    fileName: message.attachment?.fileName ?? null,
    createdAt: message.createdAt,
    visibility: message.visibility,
    systemEvent: message.systemEvent ?? null,
  };
}
