import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type Db, openSqlite } from '../../src/store/open-sqlite.js';
import { type Fixture, seedFixture } from './fixture.js';
import { RELAXED_LIMITS } from './test-server.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The config's default `database.file`, inside `SWITCHBOARD_DATA_DIR`. */
const DATABASE_FILE = 'switchboard.db';
/** Fixed, so that tokens issued before a restart are still valid after it. */
const JWT_SECRET = 'durability-test-jwt-secret-0123456789abcdef';
const LISTENING = /Switchboard server listening on (http:\/\/\S+:(\d+))\s+\(epoch ([0-9a-f-]+)\)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LINES_KEPT = 200;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Child {
  process: ChildProcess;
  exited: Promise<Exit>;
}

/**
 * The real server (`src/main.ts`) as a child process over one data directory: it can be killed
 * with SIGKILL and started again on the same database file, on the same port, so that clients
 * reconnect to the URL they already know.
 */
export class ServerProcess {
  #child: Child | undefined;
  #port = 0;
  #url: string | undefined;
  #epoch: string | undefined;
  readonly #output: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly fixture: Fixture,
    /** Modules the child preloads (`--import`) after tsx, as the benchmark preloads its probe. */
    readonly preload: readonly string[] = [],
  ) {}

  /** A temp data directory with a migrated, seeded database and a config file; nothing runs yet. */
  static async prepare(
    options: {
      config?: Record<string, unknown>;
      seed?: (db: Db, fixture: Fixture) => Promise<void>;
      preload?: readonly string[];
    } = {},
  ): Promise<ServerProcess> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-durability-'));
    const store = openSqlite(path.join(dataDir, DATABASE_FILE), 'normal');
    try {
      await migrateToLatest(store.db);
      const fixture = await seedFixture(store.db);
      await options.seed?.(store.db, fixture);
      writeFileSync(
        configFileIn(dataDir),
        JSON.stringify({ limits: RELAXED_LIMITS, auth: { scryptCost: 1024 }, ...options.config }),
      );
      return new ServerProcess(dataDir, fixture, options.preload);
    } finally {
      await store.close();
    }
  }

  get databaseFile(): string {
    return path.join(this.dataDir, DATABASE_FILE);
  }

  get url(): string {
    if (!this.#url) throw new Error('The server has not started yet.');
    return this.#url;
  }

  /** The epoch the running (or last) server process printed at start. */
  get epoch(): string {
    if (!this.#epoch) throw new Error('The server has not started yet.');
    return this.#epoch;
  }

  /** Starts the server and resolves once it listens; after the first start, on the same port. */
  async start(): Promise<void> {
    if (this.#child) throw new Error('The server is already running.');
    const child = this.#spawn();
    this.#child = child;
    const listening = await this.#listening(child);
    this.#url = listening.url;
    this.#port = listening.port;
    this.#epoch = listening.epoch;
  }

  /** `kill -9`: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<Exit> {
    return this.#signal('SIGKILL');
  }

  /** A clean shutdown (SIGTERM); falls back to SIGKILL and throws when it takes too long. */
  async stop(): Promise<Exit> {
    const child = this.#child;
    if (!child) throw new Error('The server is not running.');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), STOP_TIMEOUT_MS);
    });
    child.process.kill('SIGTERM');
    const exit = await Promise.race([child.exited, timedOut]);
    clearTimeout(timer);
    if (exit) {
      this.#child = undefined;
      return exit;
    }
    await this.kill();
    throw new Error(`The server did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM.\n${this.output()}`);
  }

  /** Kills the server if it still runs and removes the data directory. Safe to call at any time. */
  async dispose(): Promise<void> {
    if (this.#child) await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The last lines the server printed (stdout and stderr), for failure messages. */
  output(): string {
    return this.#output.join('\n');
  }

  async #signal(signal: NodeJS.Signals): Promise<Exit> {
    const child = this.#child;
    if (!child) throw new Error('The server is not running.');
    child.process.kill(signal);
    const exit = await child.exited;
    this.#child = undefined;
    return exit;
  }

  #spawn(): Child {
    const preloads = this.preload.flatMap((module) => ['--import', module]);
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', ...preloads, 'src/main.ts'],
      {
        cwd: SERVER_DIR,
        env: this.#environment(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<Exit>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    this.#keepOutput(child.stdout);
    this.#keepOutput(child.stderr);
    return { process: child, exited };
  }

  #environment(): NodeJS.ProcessEnv {
    const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('SWITCHBOARD_'));
    return {
      ...Object.fromEntries(inherited),
      SWITCHBOARD_DATA_DIR: this.dataDir,
      SWITCHBOARD_HOST: '127.0.0.1',
      SWITCHBOARD_PORT: String(this.#port),
      SWITCHBOARD_LOG_LEVEL: 'warn',
      SWITCHBOARD_JWT_SECRET: JWT_SECRET,
      SWITCHBOARD_CONFIG: configFileIn(this.dataDir),
    };
  }

  #keepOutput(stream: Readable | null): void {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      this.#output.push(line);
      if (this.#output.length > OUTPUT_LINES_KEPT) this.#output.shift();
    });
  }

  /** Resolves with the address and epoch from the startup banner; rejects if the process dies first. */
  #listening(child: Child): Promise<{ url: string; port: number; epoch: string }> {
    const stdout = child.process.stdout;
    if (!stdout) throw new Error('The server was spawned without a stdout pipe.');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms.\n${this.output()}`)),
        START_TIMEOUT_MS,
      );
      createInterface({ input: stdout }).on('line', (line) => {
        const match = LISTENING.exec(line);
        if (!match) return;
        clearTimeout(timer);
        resolve({ url: match[1] ?? '', port: Number(match[2]), epoch: match[3] ?? '' });
      });
      void child.exited.then((exit) => {
        clearTimeout(timer);
        reject(
          new Error(`The server exited (${exit.signal ?? exit.code}) before listening.\n${this.output()}`),
        );
      });
    });
  }
}

function configFileIn(dataDir: string): string {
  return path.join(dataDir, 'config.json');
}
