import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { ServerProcess, SpawnServer } from '../../src/main/services/local-server/local-server.js';

/** What the app does with Electron's utilityProcess.fork, done with child_process.fork in plain Node. */
export function nodeSpawner(): { spawn: SpawnServer; children: ChildProcess[] } {
  const children: ChildProcess[] = [];
  const spawn: SpawnServer = (modulePath, logFile, execArgv): ServerProcess => {
    const child = fork(modulePath, [], { execArgv: [...execArgv], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    children.push(child);
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return {
      send: (message) => child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => child.kill(),
    };
  };
  return { spawn, children };
}
