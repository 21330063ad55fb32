import type { SwitchboardBridge } from '../../shared/bridge.js';

/** What a plain browser can do for the workbench: web notifications, nothing kept on disk. */
export function browserCapabilities(): SwitchboardBridge['capabilities'] {
  return {
    tray: false,
    badge: false,
    webNotifications: 'Notification' in globalThis,
    durableCache: false,
  };
}
