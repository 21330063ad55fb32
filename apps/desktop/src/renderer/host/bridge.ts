import type { SwitchboardBridge } from '../../shared/bridge.js';
import { createBrowserBridge } from './browser-bridge.js';

declare global {
  interface Window {
    switchboard?: SwitchboardBridge;
  }
}

/** The host: Electron's preload (or a test's binding) when present, else the browser implementation. */
export const bridge: SwitchboardBridge = window.switchboard ?? createBrowserBridge();
