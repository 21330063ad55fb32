import type { Result, Team } from '@switchboard/protocol';

import { useCallback, useEffect, useState } from 'react';
import type { ServerConnection } from '../../api/connection.js';
import { runtime } from '../../app/runtime.js';
import { type ToastAction, toastError, useToasts } from '../toasts/store.js';

/** One admin REST call; a failure becomes a toast (STYLE 14) and `null`. */
export async function call<T>(
  label: ToastAction,
  run: (c: ServerConnection) => Promise<Result<T>>,
): Promise<T | null> {
  const connection = runtime.connection;
  if (!connection) return null;
  const result = await run(connection);
  if (result.ok) return result.data;
  toastError(label, result.error);
  return null;
}

export function saved(text: string): void {
  useToasts.getState().push(text, 'info');
}

/** Data loaded on mount (and on `reload`); `null` until it arrives or when the call failed. */
export function useLoaded<T>(
  label: ToastAction,
  run: (c: ServerConnection) => Promise<Result<T>>,
): [T | null, () => Promise<void>, (next: T) => void] {
  const [data, setData] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` is an inline request; `label` names it.
  const reload = useCallback(async () => {
    const next = await call(label, run);
    if (next !== null) setData(next);
  }, [label]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [data, reload, setData];
}

export function useTeams(): [Team[], () => Promise<void>] {
  const [teams, reload] = useLoaded('teams', (c) => c.rest('listTeams'));
  return [teams ?? [], reload];
}
