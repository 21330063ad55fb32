import type { IpcMain } from 'electron';
import { channelNames } from '../shared/bridge.js';
import type { Dispatch } from './ipc-dispatch.js';

/** The one place every `ipcMain.handle` is registered, from the bridge's channel map. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, event.senderFrame?.url, payload));
  }
}
