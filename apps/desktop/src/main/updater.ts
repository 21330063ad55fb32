// CommonJS package: its named exports hang off the default export.
import updaterModule from 'electron-updater';
import type { Logger } from './services/logger.js';
import type { UpdaterPort } from './services/updates/update-service.js';

/** electron-updater's updater for this platform (NSIS, Squirrel.Mac, AppImage), logging into ours. */
export function electronUpdater(logger: Logger): () => UpdaterPort {
  return () => {
    const { autoUpdater } = updaterModule;
    autoUpdater.logger = {
      info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
      warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
      error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
      debug: (message: string) => logger.debug(`updater: ${message}`),
    };
    return autoUpdater;
  };
}
