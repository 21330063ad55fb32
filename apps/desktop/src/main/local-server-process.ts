import { createWriteStream } from 'node:fs';
import { utilityProcess } from 'electron';
import type { SpawnServer } from './services/local-server/local-server.js';

/** The bundled server in an Electron utility process (Node in a child process, no window). */
export const spawnUtilityProcess: SpawnServer = (modulePath, logFile, execArgv) => {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Switchboard server',
    stdio: 'pipe',
    execArgv: [...execArgv],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
