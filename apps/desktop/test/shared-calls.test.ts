import { describe, expect, it } from 'vitest';
import { SharedCalls } from '../src/renderer/app/shared-calls.js';

describe('shared calls', () => {
  it('gives concurrent callers of one key the running call, and starts anew once it settled', async () => {
    const calls = new SharedCalls<number>();
    let started = 0;
    const start = async () => ++started;
    const [a, b] = await Promise.all([calls.run('k', start), calls.run('k', start)]);
    expect([a, b, started]).toEqual([1, 1, 1]);
    expect(await calls.run('other', start)).toBe(2);
    expect(await calls.run('k', start)).toBe(3);
  });

  it('forgets a failed call, and after clear() starts a new one while the old still runs', async () => {
    const calls = new SharedCalls<string>();
    await expect(calls.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await calls.run('k', async () => 'again')).toBe('again');

    let finishOld: (value: string) => void = () => {};
    const old = calls.run('k', () => new Promise<string>((resolve) => (finishOld = resolve)));
    calls.clear();
    expect(await calls.run('k', async () => 'new')).toBe('new');
    finishOld('old');
    expect(await old).toBe('old');
  });
});
