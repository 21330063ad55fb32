export type NotificationKind = 'offer' | 'assigned' | 'queued' | 'left' | 'message' | 'escalated' | 'test';

export interface NotificationRequest {
  kind: NotificationKind;
  conversationId: string | null;
  title: string;
  body: string;
  tabFocused: boolean;
}

export interface NotificationDecision {
  show: boolean;
  /** Keep ringing (sound + re-notify) until the conversation is accepted or opened. */
  ring: boolean;
}

/**
 * When to notify (PRODUCT: alerts that cannot be missed): an offered or newly assigned chat rings
 * until accepted; a new message notifies unless its tab is in front of a focused window.
 */
export class NotificationPolicy {
  readonly #ringing = new Map<string, NotificationRequest>();

  decide(request: NotificationRequest, windowFocused: boolean): NotificationDecision {
    switch (request.kind) {
      case 'offer':
      case 'assigned':
        if (request.conversationId) this.#ringing.set(request.conversationId, request);
        return { show: true, ring: true };
      case 'queued':
      // A visitor left a message (the offline form, or instead of waiting): once, nothing rings.
      case 'left':
      // A supervisor's alert that a chat's offers keep going unanswered: once, whatever is in front.
      case 'escalated':
      case 'test':
        return { show: true, ring: false };
      case 'message':
        return { show: !(request.tabFocused && windowFocused), ring: false };
      default:
        return assertNever(request.kind);
    }
  }

  dismiss(conversationId: string): boolean {
    return this.#ringing.delete(conversationId);
  }

  /** What to ring again on the next tick. */
  ringing(): NotificationRequest[] {
    return [...this.#ringing.values()];
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
