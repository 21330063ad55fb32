import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { relaxedLimits } from '../../../server/src/security/rate-limits.js';
import { seedWidgetDatabase, type WidgetFixture } from './seed.js';

const SERVER_DIR = fileURLToPath(new URL('../../../server', import.meta.url));
const LISTENING = /Switchboard server listening on (http:\/\/\S+)\s/;
const RELAXED = { points: 100_000, seconds: 60 };

export interface RunningServer {
  url: string;
  fixture: WidgetFixture;
  output(): string;
  stop(): Promise<void>;
}

/** What the test server shares with its mail gateway (`POST /api/email/inbound`). */
export const INBOUND_SECRET = 'the-widget-suite-mail-gateway-secret';

/**
 * The real server (`apps/server/src/main.ts`) as a child process over a fresh, seeded data
 * directory. It serves the widget from `apps/widget/dist`, so build before starting it.
 */
export async function startServerProcess(allowedOrigins: string[]): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-widget-'));
  const fixture = await seedWidgetDatabase(path.join(dataDir, 'switchboard.db'), allowedOrigins);
  const configFile = path.join(dataDir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      limits: relaxedLimits(RELAXED.points, RELAXED.seconds),
      auth: { scryptCost: 1024 },
      // Replies by email come back: the tests post them as the mail gateway would.
      email: { inboundSecret: INBOUND_SECRET },
    }),
  );
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SWITCHBOARD_')),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: SERVER_DIR,
      env: {
        ...env,
        SWITCHBOARD_DATA_DIR: dataDir,
        SWITCHBOARD_HOST: '127.0.0.1',
        SWITCHBOARD_PORT: '0',
        SWITCHBOARD_LOG_LEVEL: 'warn',
        SWITCHBOARD_CONFIG: configFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${lines.join('\n')}`)), 60_000);
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = LISTENING.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => reject(new Error(`server exited before listening:\n${lines.join('\n')}`)));
  });
  return {
    url,
    fixture,
    output: () => lines.slice(-100).join('\n'),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
