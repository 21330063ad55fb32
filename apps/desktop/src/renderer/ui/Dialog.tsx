import { type ReactNode, useEffect, useRef } from 'react';

/** A modal on the native <dialog>: focus trap and Escape for free. */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** For content that wants the room (an image), up to most of the window. */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className={`m-auto ${wide ? 'w-fit min-w-[20rem] max-w-[90vw]' : 'w-[28rem]'} rounded-xl bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-800 dark:text-slate-100`}
    >
      <h2 className="mb-4 text-base font-semibold">{title}</h2>
      {children}
    </dialog>
  );
}

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';
export const primaryButton =
  'rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50';
export const secondaryButton =
  'rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-700';
