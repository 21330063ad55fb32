import type { ConversationViewers } from '@switchboard/protocol';
import { rooms } from './rooms.js';
import type { AgentNamespace } from './types.js';

interface Viewing {
  conversationId: string;
  userId: string;
  name: string;
}

/**
 * Which conversation each staff socket shows in front (`conversation:view`), and the
 * `conversation:viewers` pushes when that changes (PRODUCT: collision control). In memory: it
 * describes live sockets, which a restart closes anyway.
 */
export class ConversationViewersRegistry {
  readonly #bySocket = new Map<string, Viewing>();

  constructor(private readonly agents: AgentNamespace) {}

  /** `socketId` now shows `viewing` in front, or nothing (null). */
  set(socketId: string, viewing: Viewing | null): void {
    const before = this.#bySocket.get(socketId);
    if (before?.conversationId === viewing?.conversationId && before?.name === viewing?.name) return;
    if (viewing) this.#bySocket.set(socketId, viewing);
    else this.#bySocket.delete(socketId);
    if (before && before.conversationId !== viewing?.conversationId) this.#publish(before.conversationId);
    if (viewing) this.#publish(viewing.conversationId);
  }

  /** The conversation `socketId` shows in front, if any. */
  viewedBy(socketId: string): string | undefined {
    return this.#bySocket.get(socketId)?.conversationId;
  }

  /** One entry per person, in the order they came. */
  viewers(conversationId: string): ConversationViewers['viewers'] {
    const people = new Map<string, string>();
    for (const v of this.#bySocket.values())
      if (v.conversationId === conversationId && !people.has(v.userId)) people.set(v.userId, v.name);
    return [...people].map(([id, name]) => ({ id, name }));
  }

  #publish(conversationId: string): void {
    this.agents
      .to(rooms.conversation(conversationId))
      .emit('conversation:viewers', { conversationId, viewers: this.viewers(conversationId) });
  }
}
