import type { VisitorTypingSet } from '@switchboard/protocol';

/** Without a preview: one `typing: true` at most this often while the visitor types. */
const HEARTBEAT_MS = 3000;
/** With a preview: the draft at most this often (two a second stays well within the rate limit). */
const PREVIEW_MS = 500;
/** Silence after which the visitor has stopped typing. */
const IDLE_MS = 4000;

export type TypingReport = Omit<VisitorTypingSet, 'conversationId'>;

/**
 * What the message box tells the server as the visitor writes (`typing:set`). Without a preview:
 * "typing" now and then, "stopped" after IDLE_MS of silence or on sending. With one (the widget's
 * `typingPreview`): the draft as it stands, at most every PREVIEW_MS and always the latest, and
 * on stopping the draft left in the box, so staff keep seeing it while the visitor thinks.
 */
export class TypingReporter {
  #lastSent = 0;
  #draft = '';
  #pending: ReturnType<typeof setTimeout> | undefined;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (report: TypingReport) => void,
    readonly preview: boolean,
  ) {}

  /** The box now holds `draft`. */
  input(draft: string): void {
    this.#draft = draft;
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#stopped(), IDLE_MS);
    const since = Date.now() - this.#lastSent;
    if (!this.preview) {
      if (this.#lastSent === 0 || since > HEARTBEAT_MS) this.#report({ typing: true });
      return;
    }
    if (this.#pending !== undefined) return;
    if (this.#lastSent === 0 || since >= PREVIEW_MS) this.#report({ typing: true, preview: draft });
    else
      this.#pending = setTimeout(() => {
        this.#pending = undefined;
        this.#report({ typing: true, preview: this.#draft });
      }, PREVIEW_MS - since);
  }

  /** The message was sent (or the box is gone): no longer typing, no draft. */
  sent(): void {
    this.#draft = '';
    this.#clearTimers();
    this.#report({ typing: false });
  }

  /** Stops the timers without telling the server anything (the box was taken away). */
  dispose(): void {
    this.#clearTimers();
  }

  #stopped(): void {
    this.#clearTimers();
    this.#report(
      this.preview && this.#draft.trim() ? { typing: false, preview: this.#draft } : { typing: false },
    );
  }

  #report(report: TypingReport): void {
    // A stop starts the next burst of typing afresh: its first keystroke reports at once.
    this.#lastSent = report.typing ? Date.now() : 0;
    this.send(report);
  }

  #clearTimers(): void {
    clearTimeout(this.#pending);
    clearTimeout(this.#idle);
    this.#pending = undefined;
    this.#idle = undefined;
  }
}

/** A message box whose typing nobody follows (a left message, answered later by email). */
export const NO_TYPING: Pick<TypingReporter, 'input' | 'sent' | 'preview'> = {
  input: () => undefined,
  sent: () => undefined,
  preview: false,
};
