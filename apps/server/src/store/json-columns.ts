import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

const DEFAULT_SIZE = 2000;

/**
 * Parses a JSON column with its schema (JSON read back from SQLite is a trust boundary), once per
 * distinct text: a conversation is read on every message it carries, and its attributes rarely
 * change. The most recent `size` results are kept; each is deeply frozen, because every reader
 * of the same text shares it.
 */
export function jsonColumn<T extends object>(schema: z.ZodType<T>, size = DEFAULT_SIZE): (text: string) => T {
  const parsed = new LRUCache<string, T>({ max: size });
  return (text) => {
    let value = parsed.get(text);
    if (value === undefined) {
      value = deepFreeze(schema.parse(JSON.parse(text)));
      parsed.set(text, value);
    }
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
