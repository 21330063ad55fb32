import type { z } from 'zod';

/** JSON read back from SQLite is a trust boundary too (STYLE 6): parse it, never cast it. */
export function parseJson<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return schema.parse(JSON.parse(text));
}
