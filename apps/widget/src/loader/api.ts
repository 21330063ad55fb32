import type { CustomAttributes, IncomingMessageEvent, VisitorUser, WidgetEvent } from '../shared/host.js';

type Listener = (payload?: IncomingMessageEvent) => void;

/** What `window.Switchboard` does; the loader implements it. */
export interface WidgetActions {
  open(): void;
  close(): void;
  setUser(user: VisitorUser): void;
  setAttributes(attributes: CustomAttributes): void;
  setLocale(locale: string): void;
}

export interface SwitchboardApi extends WidgetActions {
  (method: string, ...args: unknown[]): void;
  on(event: WidgetEvent, listener: Listener): () => void;
  /** Calls made by the embed snippet before widget.js loaded. */
  q?: ArrayLike<unknown>[];
}

declare global {
  interface Window {
    Switchboard?: SwitchboardApi;
  }
}

/**
 * Installs `window.Switchboard`: callable as `Switchboard('open')` (the form the embed snippet
 * queues before the script loads) and as methods (`Switchboard.open()`). Replays queued calls.
 */
export function installApi(actions: WidgetActions): {
  emit(event: WidgetEvent, payload?: IncomingMessageEvent): void;
} {
  const listeners = new Map<WidgetEvent, Set<Listener>>();
  const methods: Record<string, (...args: never[]) => void> = { ...actions };
  const call = (method: string, ...args: unknown[]) => {
    if (method === 'on') {
      api.on(args[0] as WidgetEvent, args[1] as Listener);
      return;
    }
    const fn = methods[method];
    if (fn) (fn as (...a: unknown[]) => void)(...args);
    else console.warn(`Switchboard: unknown method ${method}`);
  };
  const queued = window.Switchboard?.q ?? [];
  const api = Object.assign(call, actions, {
    on(event: WidgetEvent, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  }) as SwitchboardApi;
  window.Switchboard = api;
  for (const args of Array.from(queued)) {
    const [method, ...rest] = Array.from(args);
    if (typeof method === 'string') call(method, ...rest);
  }
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error('Switchboard listener failed', error);
        }
      }
    },
  };
}
