import { Settings } from '../../shared/settings.js';
import { deviceStorage, readStored, writeStored } from './tab-storage.js';

const KEY = 'switchboard.settings';

/**
 * The web workbench's preferences (language, theme, sound, idle minutes): this browser's, kept in
 * `localStorage` like the desktop app's settings file, so a reload or a new tab keeps them. They
 * are no secret and name no account; the session itself is never kept there (browser-session.ts).
 * Read back through the settings schema: storage is a boundary, and what does not parse gives the
 * defaults.
 */
export function loadBrowserSettings(storage: Storage | null = deviceStorage()): Settings {
  return readStored(storage, KEY, Settings) ?? Settings.parse({});
}

export function saveBrowserSettings(settings: Settings, storage: Storage | null = deviceStorage()): void {
  writeStored(storage, KEY, settings);
}
