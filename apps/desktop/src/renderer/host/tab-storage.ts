/** This tab's `sessionStorage`, or null where the browser refuses storage (disabled, or a sandboxed frame). */
export function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** This origin's `localStorage` (this browser's, every tab), or null where the browser refuses storage. */
export function deviceStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whose entries a key holds: one server and user (SECURITY D13), under a prefix per kind. */
export interface TabAccount {
  serverUrl: string;
  userId: string;
}

const accountKey = (prefix: string, account: TabAccount) => `${prefix}${account.serverUrl} ${account.userId}`;

/** What `schema` accepts; a schema's own `safeParse` (zod's shape), so this file needs no zod. */
interface Reader<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * The JSON value kept under `key`, read back through `schema`: storage is a boundary. What does
 * not parse is removed, and null returned, as for nothing kept.
 */
export function readStored<T>(storage: Storage | null, key: string, schema: Reader<T>): T | null {
  const text = storage?.getItem(key);
  if (!text) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Damaged: removed below.
  }
  const parsed = schema.safeParse(json);
  if (parsed.success && parsed.data !== null) return parsed.data;
  storage?.removeItem(key);
  return null;
}

/**
 * Keeps `value` as JSON under `key`. Storage full or refused: nothing is kept, and the page goes on
 * with what it holds in memory.
 */
export function writeStored(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // See above.
  }
}

/** Removes every key that starts with `prefix`: at sign-out, each account's entries of one kind. */
export function removeStored(storage: Storage | null, prefix: string): void {
  if (!storage) return;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key?.startsWith(prefix) ?? false,
  );
  for (const key of keys) storage.removeItem(key);
}

/** One kind of entry kept per account in a window's storage: read back, written, cleared at sign-out. */
export interface AccountStore<T> {
  load(account: TabAccount, storage?: Storage | null): T | null;
  save(account: TabAccount, value: T, storage?: Storage | null): void;
  /** Every account's entry of this kind: at sign-out. */
  clear(storage?: Storage | null): void;
}

/** Entries under `prefix`, one per account, read back through `schema`. */
export function accountStore<T>(prefix: string, schema: Reader<T>): AccountStore<T> {
  return {
    load: (account, storage = tabStorage()) => readStored(storage, accountKey(prefix, account), schema),
    save: (account, value, storage = tabStorage()) =>
      writeStored(storage, accountKey(prefix, account), value),
    clear: (storage = tabStorage()) => removeStored(storage, prefix),
  };
}
