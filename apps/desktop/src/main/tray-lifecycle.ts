import { app, autoUpdater, type BrowserWindow, powerMonitor } from 'electron';
import type { Settings } from '../shared/settings.js';
import type { ShownNotification } from './host-ports.js';
import { stillRunningNotice } from './tray-menu.js';
import { closeAction } from './window-close.js';

export interface TrayLifecycleDeps {
  settings(): Settings;
  notify(notification: ShownNotification): void;
  show(): void;
}

/**
 * Wires closing the workbench's window to `closeAction`: hidden in the tray, or quitting. The app
 * counts as quitting once it is told to (the tray's Quit, Cmd+Q, restarting for an update), or
 * the session ends (Windows log-off or shutdown, Linux and macOS shutdown), so that those close
 * for real. The first time the window hides, a notification says the app is still running (not on macOS, where a closed
 * window always leaves the app in the dock); the dock icon brings it back.
 */
export function keepInTray(window: BrowserWindow, deps: TrayLifecycleDeps): void {
  let quitting = false;
  let toldStillRunning = false;
  const markQuitting = () => {
    quitting = true;
  };
  app.on('before-quit', markQuitting);
  // "Restart now to update" closes the windows before `before-quit` (Squirrel.Mac).
  autoUpdater.on('before-quit-for-update', markQuitting);
  window.on('query-session-end', markQuitting);
  powerMonitor.on('shutdown', markQuitting);
  app.on('activate', deps.show);
  window.on('close', (event) => {
    const action = closeAction({
      quitting,
      keepRunningInTray: deps.settings().keepRunningInTray,
      platform: process.platform,
    });
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'quit') return app.quit();
    window.hide();
    if (!toldStillRunning && process.platform !== 'darwin') {
      toldStillRunning = true;
      deps.notify({ ...stillRunningNotice(deps.settings().locale), conversationId: null, urgent: false });
    }
  });
}
