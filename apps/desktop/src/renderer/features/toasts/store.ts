import type { ApiError } from '@switchboard/protocol';
import { create } from 'zustand';

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

/** THE place a failed request becomes a toast (STYLE 14). */
export function toastError(action: string, error: ApiError): void {
  const text =
    error.code === 'unknown-event'
      ? `${action}: this server does not support it yet.`
      : `${action}: ${error.message}`;
  useToasts.getState().push(text);
}
