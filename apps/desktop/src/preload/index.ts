import { contextBridge, ipcRenderer } from 'electron';
import type {
  BridgeRequest,
  BridgeResponse,
  Channel,
  Push,
  PushPayload,
  SwitchboardBridge,
} from '../shared/bridge.js';
import { CHANNEL_NAMES, PUSH_NAMES } from '../shared/bridge-names.js';

// SECURITY D4: one narrow typed object; never ipcRenderer, never a generic send.
const invoker =
  <C extends Channel>(channel: C) =>
  (request: BridgeRequest<C>): Promise<BridgeResponse<C>> =>
    ipcRenderer.invoke(channel, request) as Promise<BridgeResponse<C>>;

const invokers = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, invoker(channel)])) as {
  [C in Channel]: (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
};

const bridge = {
  ...invokers,
  capabilities: { tray: true, badge: true, webNotifications: false, durableCache: true },
  on<P extends Push>(push: P, listener: (payload: PushPayload<P>) => void): () => void {
    if (!(PUSH_NAMES as readonly string[]).includes(push)) return () => {};
    const wrapped = (_event: Electron.IpcRendererEvent, payload: PushPayload<P>) => listener(payload);
    ipcRenderer.on(push, wrapped);
    return () => ipcRenderer.off(push, wrapped);
  },
} satisfies SwitchboardBridge;

contextBridge.exposeInMainWorld('switchboard', bridge);
