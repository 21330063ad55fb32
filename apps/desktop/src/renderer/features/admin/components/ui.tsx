import type { Team } from '@switchboard/protocol';
import type { ReactNode, Ref } from 'react';

export { inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';

export const smallButton =
  'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
export const dangerButton =
  'rounded-md border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950';
export const tableClass = 'w-full text-left text-sm';
export const headClass = 'text-xs text-slate-500 [&_th]:py-1 [&_th]:pr-3 [&_th]:font-medium';
export const rowClass = 'border-t border-slate-100 align-top dark:border-slate-800 [&_td]:py-1.5 [&_td]:pr-3';

export function Field({
  label,
  children,
  className = '',
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in.
    <label className={`block space-y-1 text-sm ${className}`}>
      <span className="text-xs text-slate-600 dark:text-slate-300">{label}</span>
      {children}
    </label>
  );
}

export function Card({
  title,
  children,
  testId,
  ref,
}: {
  title?: string;
  children: ReactNode;
  testId?: string;
  ref?: Ref<HTMLElement>;
}) {
  return (
    <section
      ref={ref}
      data-testid={testId}
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      {title && <h3 className="mb-3 text-sm font-semibold">{title}</h3>}
      {children}
    </section>
  );
}

/** A secret shown once, in a box the admin can select and copy. */
export function OneTime({
  label,
  value,
  onDismiss,
  dismiss,
}: {
  label: string;
  value: string;
  onDismiss(): void;
  dismiss: string;
}) {
  return (
    <div
      className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950/50"
      role="alert"
    >
      <p className="mb-1">{label}</p>
      <code
        data-testid="one-time-secret"
        className="block rounded bg-white px-2 py-1 font-mono text-base select-all dark:bg-slate-900"
      >
        {value}
      </code>
      <button type="button" className="mt-2 text-xs underline" onClick={onDismiss}>
        {dismiss}
      </button>
    </div>
  );
}

/** The teams as a select's options, after an empty choice ("—": no team, or none chosen yet). */
export function TeamOptions({ teams }: { teams: readonly Team[] }) {
  return (
    <>
      <option value="">—</option>
      {teams.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </>
  );
}
