import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { relaxedLimits } from '../../../server/src/security/rate-limits.js';
import { tempDir } from './fakes.js';

const SERVER_DIR = fileURLToPath(new URL('../../../server', import.meta.url));
const LISTENING = /Switchboard server listening on (http:\/\/\S+:(\d+))/;
const JWT_SECRET = 'desktop-e2e-jwt-secret-0123456789abcdef';
/** The demo seed's fixed widget and password (apps/server/src/seed/demo-seed.ts). */
export const DEMO_WIDGET_ID = '5e1f0a2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b';
export const DEMO_PASSWORD = 'switchboard-demo';
export const ALICE = 'alice@switchboard.local';
export const BOB = 'bob@switchboard.local';
export const CAROL = 'carol@switchboard.local';
export const ADA = 'admin@switchboard.local';

const RELAXED = { points: 100_000, seconds: 1 };
const CONFIG = {
  auth: { scryptCost: 1024 },
  demoSeed: true,
  limits: relaxedLimits(RELAXED.points, RELAXED.seconds),
};

/**
 * The real server (`apps/server/src/main.ts`) as a child process with the demo seed, serving the
 * web workbench build; it can be stopped and started again on the same port and database.
 */
export class ServerProcess {
  readonly dataDir = tempDir('switchboard-desktop-e2e-');
  #child: ChildProcess | null = null;
  #port = 0;
  url = '';
  readonly output: string[] = [];

  /** `extraConfig`: more server config, e.g. `workbenchOrigins` for pages served from elsewhere. */
  constructor(readonly extraConfig: Record<string, unknown> = {}) {}

  async start(): Promise<void> {
    const configFile = path.join(this.dataDir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ ...CONFIG, ...this.extraConfig }));
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('SWITCHBOARD_')),
    );
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...inherited,
        SWITCHBOARD_DATA_DIR: this.dataDir,
        SWITCHBOARD_HOST: '127.0.0.1',
        SWITCHBOARD_PORT: String(this.#port),
        SWITCHBOARD_LOG_LEVEL: 'warn',
        SWITCHBOARD_JWT_SECRET: JWT_SECRET,
        SWITCHBOARD_CONFIG: configFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const keep = (line: string) => {
      this.output.push(line);
      if (this.output.length > 200) this.output.shift();
    };
    if (child.stderr) createInterface({ input: child.stderr }).on('line', keep);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start\n${this.output.join('\n')}`)),
        60_000,
      );
      if (!child.stdout) return reject(new Error('no stdout'));
      createInterface({ input: child.stdout }).on('line', (line) => {
        keep(line);
        const match = LISTENING.exec(line);
        if (!match) return;
        clearTimeout(timer);
        this.url = match[1] ?? '';
        this.#port = Number(match[2]);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code})\n${this.output.join('\n')}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.#child = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
