import { describe, expect, it } from 'vitest';
import { BlobUrlCache } from '../src/renderer/api/blob-url-cache.js';

function cache(maxEntries: number, maxBytes = 1_000) {
  const revoked: string[] = [];
  const urls = new BlobUrlCache({ maxEntries, maxBytes, revoke: (url) => revoked.push(url) });
  const put = (key: string, size = 1) => urls.set(key, { url: `blob:${key}`, type: 'image/png', size });
  return { urls, revoked, put };
}

describe('the blob URL cache of attachments', () => {
  it('keeps at most maxEntries, drops the least recently used first and revokes what it drops', () => {
    const { urls, revoked, put } = cache(3);
    for (const key of ['a', 'b', 'c']) put(key);
    expect(urls.get('a')?.url).toBe('blob:a'); // a is now newer than b and c
    put('d');
    put('e');
    expect(urls.size).toBe(3);
    expect(revoked).toEqual(['blob:b', 'blob:c']);
    expect(urls.get('b')).toBeUndefined();
    expect(['a', 'd', 'e'].map((key) => urls.get(key)?.url)).toEqual(['blob:a', 'blob:d', 'blob:e']);
  });

  it('keeps its bytes under maxBytes, but always the newest entry', () => {
    const { urls, revoked, put } = cache(10, 100);
    put('a', 60);
    put('b', 30);
    put('c', 30);
    expect(revoked).toEqual(['blob:a']);
    put('huge', 500);
    expect(revoked).toEqual(['blob:a', 'blob:b', 'blob:c']);
    expect(urls.size).toBe(1);
    expect(urls.get('huge')?.url).toBe('blob:huge');
  });

  it('revokes a replaced URL, a deleted one, and every URL on clear (logout)', () => {
    const { urls, revoked, put } = cache(5);
    put('a');
    urls.set('a', { url: 'blob:a2', type: 'image/png', size: 1 });
    expect(revoked).toEqual(['blob:a']);
    put('b');
    urls.delete('b');
    expect(revoked).toEqual(['blob:a', 'blob:b']);
    put('c');
    urls.clear();
    expect(revoked.sort()).toEqual(['blob:a', 'blob:a2', 'blob:b', 'blob:c']);
    expect(urls.size).toBe(0);
  });
});
