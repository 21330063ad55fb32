import { create } from 'zustand';
import type { FirstAdmin, LocalServerErrorCode, LocalServerStatus } from '../../../shared/managed.js';
import { bridge } from '../../host/bridge.js';

interface LocalServerState {
  status: LocalServerStatus | null;
  error: { code: LocalServerErrorCode; message: string } | null;
}

/** The server on this computer, as main reports it (features/session: it is a way to log in). */
export const useLocalServer = create<LocalServerState>(() => ({ status: null, error: null }));

export async function loadLocalServer(): Promise<void> {
  useLocalServer.setState({ status: await bridge['local-server:status']({}) });
}

/** Starts it (creating the first admin on a new one); resolves with its URL, or null on failure. */
export async function startLocalServer(firstAdmin: FirstAdmin | null): Promise<string | null> {
  useLocalServer.setState((s) => ({ error: null, status: s.status && { ...s.status, state: 'starting' } }));
  const { status, error } = await bridge['local-server:start']({ firstAdmin });
  useLocalServer.setState({ status, error });
  return error ? null : status.url;
}

export async function stopLocalServer(): Promise<void> {
  useLocalServer.setState({ status: await bridge['local-server:stop']({}), error: null });
}
