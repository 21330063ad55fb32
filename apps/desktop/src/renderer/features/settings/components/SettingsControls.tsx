import type { ReactNode } from 'react';
import type { LockableSetting } from '../../../../shared/settings.js';
import { useLocked } from '../managed-store.js';
import { LockedNote } from './LockedNote.js';

/** A titled group of the settings dialog. */
export function SettingsSection({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700" data-testid={testId}>
      <legend className="font-medium">{title}</legend>
      {children}
    </fieldset>
  );
}

/** A yes/no setting that managed policy may fix: then disabled, with the lock beside it. */
export function LockableCheckbox(props: {
  setting: LockableSetting;
  label: string;
  checked: boolean;
  /** Disabled for another reason than policy (an installation the app does not update). */
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  const locked = useLocked(props.setting);
  return (
    <label className="flex flex-wrap items-center gap-2">
      <input
        type="checkbox"
        name={props.setting}
        checked={props.checked}
        disabled={locked || props.disabled === true}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
      {locked && <LockedNote />}
    </label>
  );
}
