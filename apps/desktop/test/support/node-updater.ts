import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { HttpExecutor } from 'builder-util-runtime';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';

/** electron-updater's HTTP through Node instead of Electron's `net` (as electron-builder's own tests do). */
class NodeHttpExecutor extends HttpExecutor<ReturnType<typeof httpRequest>> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void) {
    return (options.protocol === 'http:' ? httpRequest : httpsRequest)(options, callback);
  }
}

/** The app as electron-updater sees it, without Electron: a packaged 1.0.0 with its own data folder. */
function nodeApp(userDataPath: string, version: string): AppAdapter {
  return {
    version,
    name: 'Switchboard',
    isPackaged: true,
    appUpdateConfigPath: `${userDataPath}/app-update.yml`,
    userDataPath,
    baseCachePath: userDataPath,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

/**
 * A real electron-updater updater (the NSIS one: its check logic is the same on every platform),
 * running in Node. Only the HTTP executor is swapped, through the field electron-updater's own
 * tests set; the feed parsing, channel files and staged-rollout decision are the library's.
 */
export function nodeUpdater(userDataPath: string, version = '1.0.0'): NsisUpdater {
  const updater = new NsisUpdater(null, nodeApp(userDataPath, version));
  Reflect.set(updater, 'httpExecutor', new NodeHttpExecutor());
  updater.logger = null;
  return updater;
}
