import { z } from 'zod';
import { LockableSetting } from './settings.js';

/** What the renderer learns about managed policy (PRODUCT 11): what is locked, and what is wrong. */
export const PolicyView = z.object({
  locked: z.array(LockableSetting),
  /** The organization's server (locked, or only suggested when the user may change it). */
  serverUrl: z.string().max(2048).nullable(),
  serverUrlLocked: z.boolean(),
  /** Invalid policy values, each naming its source and key; the app ignored them. */
  issues: z.array(z.string().max(1000)).max(100),
});
export type PolicyView = z.infer<typeof PolicyView>;

export const UpdateStatus = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('off'),
    reason: z.enum(['not-packaged', 'managed-install', 'disabled-by-policy', 'disabled-by-user', 'no-feed']),
  }),
  z.object({ state: z.enum(['idle', 'checking', 'up-to-date']) }),
  z.object({ state: z.enum(['available', 'downloaded']), version: z.string().max(100) }),
  z.object({ state: z.literal('error'), message: z.string().max(1000) }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;
export type UpdatesOffReason = Extract<UpdateStatus, { state: 'off' }>['reason'];

/** The first account of a server started on this computer. */
export const FirstAdmin = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(10).max(1024),
});
export type FirstAdmin = z.infer<typeof FirstAdmin>;

export const LocalServerStatus = z.object({
  /** `unavailable`: this host cannot run one (the browser workbench). */
  availability: z.enum(['available', 'forbidden-by-policy', 'unavailable']),
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  url: z.string().max(200).nullable(),
  /** The database has its first admin: starting needs no new account. */
  initialized: z.boolean(),
  error: z.string().max(1000).nullable(),
});
export type LocalServerStatus = z.infer<typeof LocalServerStatus>;

export const LocalServerErrorCode = z.enum([
  'disabled-by-policy',
  'first-admin-required',
  'port-in-use',
  'failed',
]);
export type LocalServerErrorCode = z.infer<typeof LocalServerErrorCode>;
