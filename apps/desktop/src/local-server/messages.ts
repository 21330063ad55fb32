import { z } from 'zod';
import { FirstAdmin } from '../shared/managed.js';

/**
 * The messages between the app (parent) and the bundled server's process (child). The password
 * travels here, never in argv or the environment, where other processes could read it.
 */

export const ToServer = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    port: z.number().int().min(0).max(65535),
    dataDir: z.string().min(1),
    /** Origins allowed to use the staff API (the app's own, app://switchboard). */
    workbenchOrigins: z.array(z.string()),
    logLevel: z.enum(['error', 'warn', 'info', 'debug']),
    firstAdmin: FirstAdmin.nullable(),
  }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type ToServer = z.infer<typeof ToServer>;

export const FromServer = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ready'),
    url: z.string(),
    port: z.number().int(),
    /** What became of the first admin asked for: `exists` when the database already had users. */
    admin: z.enum(['created', 'exists', 'not-asked']),
  }),
  z.strictObject({
    type: z.literal('failed'),
    code: z.enum(['port-in-use', 'invalid-start', 'internal']),
    message: z.string(),
  }),
  z.strictObject({ type: z.literal('stopped') }),
]);
export type FromServer = z.infer<typeof FromServer>;
