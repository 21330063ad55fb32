import { randomUUID } from 'node:crypto';
import type { BotEntry } from '@switchboard/protocol';
import { loadBotEntries, replaceBotEntries } from '../store/bot.js';
import { appendMessage } from '../store/messages.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationRecord, MessageRecord } from '../store/records.js';
import type { RoutingService } from './routing/routing-service.js';

const BOT_NAME = 'Assistant';
const HUMAN_REQUEST = /\b(human|person|agent|operator|someone real|real person)\b|人工|客服|真人/i;

/** The words of an answer's keywords that appear in the visitor's text, case-insensitively. */
export function findAnswer(entries: readonly BotEntry[], text: string): BotEntry | undefined {
  const haystack = text.toLowerCase();
  return entries.find((entry) => entry.keywords.some((k) => haystack.includes(k.toLowerCase())));
}

/**
 * A team's first responder: answers from admin-edited FAQ entries; asking for a person, or a
 * question it has no answer for, hands the conversation (and its transcript) to the queue.
 */
export class BotService {
  constructor(
    private readonly db: Db,
    private readonly routing: RoutingService,
  ) {}

  entries(teamId: string): Promise<BotEntry[]> {
    return loadBotEntries(this.db, teamId);
  }

  async setEntries(teamId: string, entries: BotEntry[]): Promise<BotEntry[]> {
    await replaceBotEntries(this.db, teamId, entries);
    return this.entries(teamId);
  }

  /** Returns the bot's reply, if any, for the transport to deliver. */
  async afterVisitorMessage(
    conversation: Pick<ConversationRecord, 'id' | 'teamId'>,
    message: MessageRecord,
  ): Promise<MessageRecord | null> {
    if (!this.routing.isWithBot(conversation.id) || conversation.teamId === null) return null;
    const answer = HUMAN_REQUEST.test(message.body)
      ? undefined
      : findAnswer(await this.entries(conversation.teamId), message.body);
    if (answer) return this.#say(conversation.id, answer.answer);
    const reply = await this.#say(conversation.id, 'Let me connect you with a person. Please hold on.');
    await this.routing.handedOff(
      conversation.id,
      HUMAN_REQUEST.test(message.body) ? 'the visitor asked for a person' : 'the bot had no answer',
    );
    return reply;
  }

  async #say(conversationId: string, body: string): Promise<MessageRecord> {
    const { message } = await appendMessage(this.db, {
      conversationId,
      clientMsgId: randomUUID(),
      senderKind: 'bot',
      senderId: null,
      senderName: BOT_NAME,
      body,
      visibility: 'all',
      attachmentId: null,
    });
    return message;
  }
}
