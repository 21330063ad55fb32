import type { Message } from '@switchboard/protocol';

/**
 * One conversation's confirmed messages, by seq: exactly once on screen whatever order and how
 * often they arrive (push, sync, own ack). `lastSeq` is the highest seq with nothing unknown below.
 */
export class Timeline {
  readonly #messages = new Map<number, Message>();
  #lastSeq = 0;

  constructor(readonly conversationId: string) {}

  get lastSeq(): number {
    return this.#lastSeq;
  }

  get highestSeq(): number {
    let highest = this.#lastSeq;
    for (const seq of this.#messages.keys()) highest = Math.max(highest, seq);
    return highest;
  }

  has(seq: number): boolean {
    return this.#messages.has(seq);
  }

  /** Adds messages of this conversation; returns the ones not seen before, in seq order. */
  add(messages: readonly Message[]): Message[] {
    const added: Message[] = [];
    for (const message of messages) {
      if (message.conversationId !== this.conversationId || message.seq < 1) continue;
      if (this.#messages.has(message.seq)) continue;
      this.#messages.set(message.seq, message);
      added.push(message);
    }
    this.#advance();
    return added.sort((a, b) => a.seq - b.seq);
  }

  /**
   * A sync answered `hasMore: false` with the conversation's `lastSeq`: every seq up to it is
   * known, and those never received were internal notes.
   */
  confirmThrough(seq: number): void {
    this.#lastSeq = Math.max(this.#lastSeq, seq);
    this.#advance();
  }

  /** Something above lastSeq arrived while something below it is missing: time to sync. */
  hasGap(): boolean {
    return this.highestSeq > this.#lastSeq;
  }

  /** All messages in display order. */
  ordered(): Message[] {
    return [...this.#messages.values()].sort((a, b) => a.seq - b.seq);
  }

  #advance(): void {
    while (this.#messages.has(this.#lastSeq + 1)) this.#lastSeq += 1;
  }
}
