import { createFirstAdmin, parseConfig, type RunningServer, startServer } from '@switchboard/server';
import { type FromServer, ToServer } from './messages.js';
import { parentChannel } from './parent-channel.js';

/**
 * The bundled server's process: the app forks it (Electron `utilityProcess`; tests use
 * `child_process.fork` on the same bundle), sends `start`, and gets `ready` with the URL.
 */
const channel = parentChannel();
const reply = (message: FromServer) => channel.send(message);
let running: RunningServer | null = null;
let stopping: Promise<void> | null = null;

channel.onMessage((raw) => {
  const parsed = ToServer.safeParse(raw);
  if (!parsed.success) {
    reply({
      type: 'failed',
      code: 'invalid-start',
      message: 'The app sent a message the server does not understand.',
    });
    return;
  }
  if (parsed.data.type === 'stop') void stop(0);
  else void start(parsed.data);
});
// Plain Node: the parent is gone. (Electron ends utility processes with the app.)
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('unhandledRejection', (reason) =>
  process.stderr.write(
    `${JSON.stringify({ level: 'error', message: 'unhandled rejection', reason: String(reason) })}\n`,
  ),
);

async function start(request: Extract<ToServer, { type: 'start' }>): Promise<void> {
  if (running) return;
  try {
    const config = parseConfig({
      host: '127.0.0.1',
      port: request.port,
      dataDir: request.dataDir,
      workbenchOrigins: request.workbenchOrigins,
      logLevel: request.logLevel,
    });
    running = await startServer(config);
    const admin = request.firstAdmin
      ? await createFirstAdmin(running.components.db, request.firstAdmin, config.auth.scryptCost)
      : 'not-asked';
    reply({ type: 'ready', url: running.url, port: running.port, admin });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'port-in-use' : 'internal';
    reply({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    await stop(1);
  }
}

function stop(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    try {
      await running?.close();
    } finally {
      reply({ type: 'stopped' });
      process.exit(exitCode);
    }
  })();
  return stopping;
}
