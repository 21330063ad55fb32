export interface CachedBlob {
  url: string;
  /** The response's media type, without parameters. */
  type: string;
  size: number;
}

interface Limits {
  maxEntries: number;
  maxBytes: number;
  /** `URL.revokeObjectURL`; injected so that tests can see what is revoked. */
  revoke?: (url: string) => void;
}

/**
 * `blob:` URLs by key, least recently used first out. Every URL that leaves the cache is revoked,
 * so the bytes behind it are freed. The newest entry stays even when it alone exceeds `maxBytes`.
 */
export class BlobUrlCache {
  readonly #entries = new Map<string, CachedBlob>();
  readonly #limits: Required<Limits>;
  #bytes = 0;

  constructor(limits: Limits) {
    this.#limits = { revoke: (url) => URL.revokeObjectURL(url), ...limits };
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedBlob | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedBlob): void {
    this.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.size;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) break;
      if (oldest === key) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
    this.#limits.revoke(entry.url);
  }

  clear(): void {
    for (const key of [...this.#entries.keys()]) this.delete(key);
  }
}
