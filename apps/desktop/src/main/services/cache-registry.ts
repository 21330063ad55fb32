import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LocalCache } from './local-cache.js';

export interface Account {
  serverUrl: string;
  userId: string;
}

/** Messages cached before the search index existed, indexed per step: a few milliseconds each. */
const INDEX_BATCH = 500;
/** The first step waits this long after a cache opens, so the first paint has the thread. */
const INDEX_DELAY_MS = 3_000;

/** One cache file per server origin and user, under the app's data folder (SECURITY D13). */
export class CacheRegistry {
  readonly #open = new Map<string, LocalCache>();

  constructor(
    readonly directory: string,
    private readonly indexDelayMs = INDEX_DELAY_MS,
  ) {
    mkdirSync(directory, { recursive: true });
  }

  fileOf(account: Account): string {
    const key = `${new URL(account.serverUrl).origin}\n${account.userId}`;
    return path.join(
      this.directory,
      `cache-${createHash('sha256').update(key).digest('hex').slice(0, 32)}.sqlite`,
    );
  }

  get(account: Account): LocalCache {
    const file = this.fileOf(account);
    let cache = this.#open.get(file);
    if (!cache) {
      cache = new LocalCache(file, account.userId);
      this.#open.set(file, cache);
      this.#indexBacklog(file, cache);
    }
    return cache;
  }

  /** Indexes the cache's older messages for search a batch per turn of the event loop, until none wait. */
  #indexBacklog(file: string, cache: LocalCache): void {
    const step = () => {
      if (this.#open.get(file) !== cache) return;
      if (cache.indexPending(INDEX_BATCH)) setImmediate(step);
    };
    setTimeout(step, this.indexDelayMs).unref();
  }

  /** Logout: close and delete the account's cache file with its WAL. */
  wipe(account: Account): void {
    const file = this.fileOf(account);
    this.#open.get(file)?.close();
    this.#open.delete(file);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }

  closeAll(): void {
    for (const cache of this.#open.values()) cache.close();
    this.#open.clear();
  }
}
