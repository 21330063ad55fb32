import { z } from 'zod';
import { UpdateChannel } from '../../../shared/settings.js';

/**
 * Every managed-policy key, with the schema its value must pass. The same names are used in the
 * Windows registry, macOS managed preferences and policy.json files (docs/deploy-desktop.md).
 * Booleans accept true/false, and 1/0 because the registry has REG_DWORD only.
 */
const Bool = z
  .union([z.boolean(), z.literal(0), z.literal(1)], {
    error: 'expected a boolean (true/false, or a REG_DWORD 1/0)',
  })
  .transform((value) => value === true || value === 1);
const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).max(2048);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Updates travel over HTTPS; plain http is accepted for a feed on this very machine only. */
const FeedUrl = HttpUrl.refine((raw) => {
  const url = new URL(raw);
  return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
}, 'the update feed must be an https:// URL (http:// only for 127.0.0.1 or localhost)');
const Text = (max: number) =>
  z
    .string({ error: (issue) => (issue.code === 'invalid_type' ? 'expected a string (REG_SZ)' : undefined) })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const policyKeys = {
  ServerUrl: HttpUrl,
  AllowServerUrlChange: Bool,
  AutoUpdate: Bool,
  UpdateChannel: z.enum(UpdateChannel.options, {
    error: `expected one of ${UpdateChannel.options.join(', ')}`,
  }),
  UpdateFeedUrl: FeedUrl,
  AllowLocalServer: Bool,
  AllowDevTools: Bool,
  /** Fixes the "open at sign-in" setting: the app starts, into the tray, when the user signs in. */
  OpenAtLogin: Bool,
  /** Fixes whether closing the window leaves the app running in the tray. */
  KeepRunningInTray: Bool,
  LogLevel: z.enum(['error', 'warn', 'info', 'debug'], { error: 'expected error, warn, info or debug' }),
  /** Electron's proxy modes (session.setProxy); `system` follows the OS settings (SECURITY D12). */
  ProxyMode: z.enum(['system', 'direct', 'auto_detect', 'pac_script', 'fixed_servers'], {
    error: 'expected system, direct, auto_detect, pac_script or fixed_servers',
  }),
  ProxyPacUrl: z
    .url({ protocol: /^(https?|file)$/, error: 'expected an http(s):// or file:// URL' })
    .max(2048),
  /** Chromium proxy rules, e.g. `http=proxy:3128;https=proxy:3128`. */
  ProxyServer: Text(2048),
  ProxyBypassList: Text(4096),
} as const;

export type PolicyKey = keyof typeof policyKeys;
export const POLICY_KEYS = Object.keys(policyKeys) as PolicyKey[];
export type PolicyValues = { [K in PolicyKey]?: z.output<(typeof policyKeys)[K]> };

/** Registry value names are case-insensitive, so key matching is too, on every platform. */
export function policyKeyNamed(name: string): PolicyKey | null {
  const lower = name.toLowerCase();
  return POLICY_KEYS.find((key) => key.toLowerCase() === lower) ?? null;
}
