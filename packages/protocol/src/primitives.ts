import { z } from 'zod';

/** Every id on the wire is an opaque random UUID: nothing sequential leaks (SECURITY S11). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** ISO-8601 UTC timestamp; the server sends `Date#toISOString` output (with milliseconds). */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

export const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key of a client-supplied map: short, plain, never one that reaches an object's prototype. */
export const SafeKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'keys start with a letter and use letters, digits, _ . -')
  .refine((key) => !FORBIDDEN_KEYS.has(key), 'reserved key');

export const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const Email = z.email().max(254);
