import type { LockableSetting, Settings, UpdateChannel } from '../../../shared/settings.js';
import type { PolicyValues } from './policy-keys.js';

export type LogLevel = NonNullable<PolicyValues['LogLevel']>;
export type ProxyMode = NonNullable<PolicyValues['ProxyMode']>;

/** What the app runs with: policy > user settings > defaults. */
export interface EffectiveConfig {
  serverUrl: string | null;
  serverUrlLocked: boolean;
  autoUpdate: boolean;
  updateChannel: UpdateChannel;
  updateFeedUrl: string | null;
  allowLocalServer: boolean;
  allowDevTools: boolean;
  logLevel: LogLevel;
  proxy: { mode: ProxyMode; pacUrl: string | null; rules: string | null; bypass: string | null };
}

export interface ConfigDefaults {
  allowDevTools: boolean;
  logLevel: LogLevel;
}

/**
 * The user settings a policy fixes, with their fixed values. A policy ServerUrl is locked unless
 * AllowServerUrlChange is true; then it is only the login screen's suggestion.
 */
export function settingsLocks(policy: PolicyValues): Partial<Pick<Settings, LockableSetting>> {
  const locks: Partial<Pick<Settings, LockableSetting>> = {};
  if (policy.ServerUrl !== undefined && policy.AllowServerUrlChange !== true)
    locks.serverUrl = policy.ServerUrl;
  if (policy.AutoUpdate !== undefined) locks.autoUpdate = policy.AutoUpdate;
  if (policy.UpdateChannel !== undefined) locks.updateChannel = policy.UpdateChannel;
  if (policy.OpenAtLogin !== undefined) locks.openAtLogin = policy.OpenAtLogin;
  if (policy.KeepRunningInTray !== undefined) locks.keepRunningInTray = policy.KeepRunningInTray;
  return locks;
}

export function effectiveConfig(
  policy: PolicyValues,
  settings: Settings,
  defaults: ConfigDefaults,
): EffectiveConfig {
  const locks = settingsLocks(policy);
  const user = { ...settings, ...locks };
  return {
    serverUrl: user.serverUrl || policy.ServerUrl || null,
    serverUrlLocked: locks.serverUrl !== undefined,
    autoUpdate: user.autoUpdate,
    updateChannel: user.updateChannel,
    updateFeedUrl: policy.UpdateFeedUrl ?? null,
    allowLocalServer: policy.AllowLocalServer ?? true,
    allowDevTools: policy.AllowDevTools ?? defaults.allowDevTools,
    logLevel: policy.LogLevel ?? defaults.logLevel,
    proxy: {
      mode: policy.ProxyMode ?? 'system',
      pacUrl: policy.ProxyPacUrl ?? null,
      rules: policy.ProxyServer ?? null,
      bypass: policy.ProxyBypassList ?? null,
    },
  };
}
