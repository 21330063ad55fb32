import type { SwitchboardBridge } from '../../shared/bridge.js';
import { deferredBridge } from './deferred-bridge.js';

declare global {
  interface Window {
    switchboard?: SwitchboardBridge;
  }
}

/** The host: Electron's preload (or a test's binding) when present, else the browser implementation. */
export const bridge: SwitchboardBridge =
  window.switchboard ??
  deferredBridge((capabilities) =>
    import('./browser-bridge.js').then((module) => module.createBrowserBridge(capabilities)),
  );
