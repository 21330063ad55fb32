import { randomUUID } from 'node:crypto';
import { type BotEntry, fillPlaceholders, MESSAGE_BODY_MAX, type SystemEvent } from '@switchboard/protocol';
import { loadBotEntries, replaceBotEntries } from '../store/bot.js';
import { getConversation } from '../store/conversations.js';
import { appendMessage } from '../store/messages.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationRecord, MessageRecord } from '../store/records.js';
import type { RoutingService } from './routing/routing-service.js';
import { systemEventText } from './system-events.js';

const BOT_NAME = 'Assistant';
const HANDOFF: SystemEvent = { code: 'bot-handoff' };
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

  /**
   * Answers the visitor's message when the conversation is with the bot: `deliver` gets the bot's
   * stored reply at once, and a hand-over to the queue comes after it, so that the visitor reads
   * "connecting you with a person" before the agent's arrival, not after.
   */
  async afterVisitorMessage(
    conversation: Pick<ConversationRecord, 'id' | 'teamId'>,
    message: MessageRecord,
    deliver: (reply: MessageRecord) => void,
  ): Promise<void> {
    if (!this.routing.isWithBot(conversation.id) || conversation.teamId === null) return;
    const wantsPerson = HUMAN_REQUEST.test(message.body);
    const answer = wantsPerson
      ? undefined
      : findAnswer(await this.entries(conversation.teamId), message.body);
    if (answer) {
      // The visitor's name as they gave it with this message; a bot has no agent name to give.
      const text = fillPlaceholders(answer.answer, {
        visitorName: message.senderName,
        agentName: null,
        teamName: this.routing.teamName(conversation.teamId),
        // The page and custom fields as the site gave them when the chat opened.
        attributes: (await getConversation(this.db, conversation.id))?.attributes,
      }).slice(0, MESSAGE_BODY_MAX);
      deliver(await this.#say(conversation.id, text));
      return;
    }
    // Said as data too, so that the widget and the workbench word it in their own language.
    deliver(await this.#say(conversation.id, systemEventText(HANDOFF), HANDOFF));
    await this.routing.handedOff(
      conversation.id,
      wantsPerson ? 'the visitor asked for a person' : 'the bot had no answer',
    );
  }

  async #say(conversationId: string, body: string, systemEvent?: SystemEvent): Promise<MessageRecord> {
    const { message } = await appendMessage(this.db, {
      conversationId,
      clientMsgId: randomUUID(),
      senderKind: 'bot',
      senderId: null,
      senderName: BOT_NAME,
      body,
      visibility: 'all',
      attachmentId: null,
      ...(systemEvent ? { systemEvent } : {}),
    });
    return message;
  }
}
