import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TypingReport, TypingReporter } from '../src/chat/typing-reporter.js';

function harness(preview: boolean) {
  const sent: TypingReport[] = [];
  const reporter = new TypingReporter((report) => sent.push(report), preview);
  return { sent, reporter };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('typing without a preview', () => {
  it('says "typing" at once and again only every 3 s, then "stopped" after 4 s of silence', () => {
    const { sent, reporter } = harness(false);
    reporter.input('H');
    reporter.input('He');
    vi.advanceTimersByTime(2000);
    reporter.input('Hel');
    expect(sent).toEqual([{ typing: true }]);
    vi.advanceTimersByTime(1500);
    reporter.input('Hell');
    expect(sent).toEqual([{ typing: true }, { typing: true }]);
    vi.advanceTimersByTime(4000);
    expect(sent.at(-1)).toEqual({ typing: false });
    // The next keystroke is a new burst: reported at once.
    reporter.input('Hello');
    expect(sent.at(-1)).toEqual({ typing: true });
    expect(sent.every((r) => !('preview' in r))).toBe(true);
  });

  it('says "stopped" on sending, and nothing more after', () => {
    const { sent, reporter } = harness(false);
    reporter.input('Hi');
    reporter.sent();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([{ typing: true }, { typing: false }]);
  });
});

describe('typing with a preview', () => {
  it('sends the draft at most every 500 ms, always the latest', () => {
    const { sent, reporter } = harness(true);
    reporter.input('W');
    for (const draft of ['Wh', 'Whe', 'Wher']) {
      vi.advanceTimersByTime(100);
      reporter.input(draft);
    }
    expect(sent).toEqual([{ typing: true, preview: 'W' }]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([
      { typing: true, preview: 'W' },
      { typing: true, preview: 'Wher' },
    ]);
    vi.advanceTimersByTime(600);
    reporter.input('Where');
    expect(sent.at(-1)).toEqual({ typing: true, preview: 'Where' });
    expect(sent).toHaveLength(3);
  });

  it('leaves the draft shown when the visitor stops typing, and withdraws an emptied one', () => {
    const { sent, reporter } = harness(true);
    reporter.input('Where is my order');
    vi.advanceTimersByTime(4000);
    expect(sent.at(-1)).toEqual({ typing: false, preview: 'Where is my order' });
    reporter.input('   ');
    vi.advanceTimersByTime(4000);
    expect(sent.at(-1)).toEqual({ typing: false });
  });

  it('withdraws the draft on sending, cancelling a draft still waiting to go', () => {
    const { sent, reporter } = harness(true);
    reporter.input('H');
    vi.advanceTimersByTime(100);
    reporter.input('Hi there');
    reporter.sent();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([{ typing: true, preview: 'H' }, { typing: false }]);
  });

  it('sends nothing more once disposed (the box was taken away)', () => {
    const { sent, reporter } = harness(true);
    reporter.input('H');
    vi.advanceTimersByTime(100);
    reporter.input('Hi');
    reporter.dispose();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([{ typing: true, preview: 'H' }]);
  });
});
