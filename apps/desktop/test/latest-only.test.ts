import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../src/renderer/ui/latest-only.js';

/** A request whose answer the test releases when it chooses. */
function pending<T>() {
  let answer: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

describe('a view that shows only the answer to its latest request', () => {
  it('drops an earlier answer that arrives after a later one', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const unfiltered = pending<string>();
    const filtered = pending<string>();
    const first = latest.run(
      () => unfiltered.promise,
      (v) => shown.push(v),
    );
    const second = latest.run(
      () => filtered.promise,
      (v) => shown.push(v),
    );
    filtered.answer('filtered');
    unfiltered.answer('unfiltered');
    await Promise.all([first, second]);
    expect(shown).toEqual(['filtered']);
  });

  it('shows each answer when the requests do not overlap', async () => {
    const latest = new LatestOnly();
    const shown: number[] = [];
    await latest.run(
      async () => 1,
      (v) => shown.push(v),
    );
    await latest.run(
      async () => 2,
      (v) => shown.push(v),
    );
    expect(shown).toEqual([1, 2]);
  });

  it('drops an answer still on its way when the view is cleared', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const search = pending<string>();
    const running = latest.run(
      () => search.promise,
      (v) => shown.push(v),
    );
    latest.cancel();
    search.answer('hits for a cleared box');
    await running;
    expect(shown).toEqual([]);
  });
});
