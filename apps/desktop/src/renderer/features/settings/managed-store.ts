import { create } from 'zustand';
import type { PolicyView, UpdateStatus } from '../../../shared/managed.js';
import type { LockableSetting } from '../../../shared/settings.js';
import { bridge } from '../../host/bridge.js';

interface ManagedState {
  policy: PolicyView | null;
  updates: UpdateStatus | null;
}

/** Managed policy and update status, loaded when a screen that shows them opens. */
export const useManaged = create<ManagedState>(() => ({ policy: null, updates: null }));

export const useLocked = (key: LockableSetting) => useManaged((s) => s.policy?.locked.includes(key) ?? false);

export async function loadPolicy(): Promise<PolicyView> {
  const policy = await bridge['policy:load']({});
  useManaged.setState({ policy });
  return policy;
}

/** "Restart now": the desktop app installs the downloaded update and starts the new version. */
export async function installUpdate(): Promise<void> {
  await bridge['updates:install']({});
}

export async function loadUpdateStatus(check = false): Promise<void> {
  const updates = await (check ? bridge['updates:check']({}) : bridge['updates:status']({}));
  useManaged.setState({ updates });
}
