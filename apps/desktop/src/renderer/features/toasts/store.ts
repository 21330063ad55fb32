import type { ApiError } from '@switchboard/protocol';
import { create } from 'zustand';
import type { Messages } from '../../i18n/en.js';
import { i18n } from '../../i18n/index.js';
import { errorText } from './error-text.js';

export interface Toast {
  id: number;
  text: string;
  tone: 'error' | 'info';
}

interface ToastState {
  toasts: Toast[];
  push(text: string, tone?: Toast['tone']): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (text, tone = 'error') => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, text, tone }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 6000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** What a failed request was doing, named in the toast. */
export type ToastAction = keyof Messages['toastActions'];

/** THE place a failed request becomes a toast (STYLE 14), in the app's language. */
export function toastError(action: ToastAction, error: ApiError): void {
  toastFailure(action, errorText(error));
}

/** A failure this page found itself (bad input before any request), said in the app's words. */
export function toastFailure(action: ToastAction, why: string): void {
  useToasts
    .getState()
    .push(i18n.t('toasts.failed', { action: i18n.t(`toastActions.${action}`), error: why }));
}
