/**
 * What closing the workbench's window does. An agent who closes it usually means "out of my way",
 * not "sign me off": the window hides and the app keeps its socket, so chats still ring and the
 * tray shows the status. Quitting is the tray menu's (or the OS's) job. Off (`keepRunningInTray`
 * false), closing quits, as the agent asked; macOS keeps the app in the dock either way, as its
 * apps do, and the dock icon shows the window again.
 */
export type CloseAction = 'hide' | 'quit' | 'close';

export function closeAction(state: {
  /** The app is already on its way out (tray's Quit, Cmd+Q, log-off, an update): let it close. */
  quitting: boolean;
  keepRunningInTray: boolean;
  platform: NodeJS.Platform;
}): CloseAction {
  if (state.quitting) return 'close';
  if (state.keepRunningInTray || state.platform === 'darwin') return 'hide';
  return 'quit';
}
