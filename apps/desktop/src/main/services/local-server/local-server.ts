import { existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FromServer, type ToServer } from '../../../local-server/messages.js';
import type { FirstAdmin, LocalServerErrorCode, LocalServerStatus } from '../../../shared/managed.js';
import { freePort, isPortFree, randomLocalPort } from './ports.js';

/** The bundled server's process, as the Electron adapter (utilityProcess) or a test (fork) gives it. */
export interface ServerProcess {
  send(message: ToServer): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}
/** Starts `modulePath` in Node with `execArgv` (LOCAL_SERVER_NODE_FLAGS) before it. */
export type SpawnServer = (modulePath: string, logFile: string, execArgv: readonly string[]) => ServerProcess;

/**
 * The Node flags of every server start (apps/server/src/node-flags.ts, which says why; a test
 * keeps the two in step): the bundled server is the same server.
 */
export const LOCAL_SERVER_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=512'];

type LocalServerState = LocalServerStatus['state'];

export class LocalServerError extends Error {
  constructor(
    readonly code: LocalServerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const Stored = z.object({
  port: z.number().int().min(1024).max(65535),
  initialized: z.boolean().default(false),
  /** Started at the next launch too (until the user stops it). */
  autoStart: z.boolean().default(false),
});
type Stored = z.infer<typeof Stored>;

export interface LocalServerOptions {
  /** The folder for the SQLite file, attachments, the log and state.json (inside the user-data folder). */
  directory: string;
  /** The bundled server (dist/server/server.mjs). */
  modulePath: string;
  spawn: SpawnServer;
  /** Managed policy AllowLocalServer. */
  allowed: boolean;
  workbenchOrigins: string[];
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  log(message: string, details?: object): void;
  /** How long a started server may take to answer, and a stopping one to exit. */
  timeoutMs?: number;
}

const LOG_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * "Run the server on this computer": the server as a child process on a SQLite file in the
 * user-data folder, on a port kept across launches (the app's cache and session are per server
 * origin, and the page's CSP names it), always on 127.0.0.1.
 */
export class LocalServer {
  private child: ServerProcess | null = null;
  private state: LocalServerState = 'stopped';
  private url: string | null = null;
  private error: string | null = null;
  private stored: Stored;
  private exited: Promise<number | null> = Promise.resolve(null);
  private stopping = false;

  constructor(private readonly options: LocalServerOptions) {
    mkdirSync(options.directory, { recursive: true });
    // The port is chosen once and kept in state.json, so the server's URL stays the same.
    this.stored = this.readState() ?? { port: randomLocalPort(), initialized: false, autoStart: false };
    this.saveState(this.stored);
  }

  get databaseFile(): string {
    return path.join(this.options.directory, 'switchboard.db');
  }

  /** The origin the server has (or will have), for the page's CSP. */
  origin(): string {
    return `http://127.0.0.1:${this.stored.port}`;
  }

  get shouldAutoStart(): boolean {
    return this.options.allowed && this.stored.initialized && this.stored.autoStart;
  }

  status(): LocalServerStatus {
    return {
      availability: this.options.allowed ? 'available' : 'forbidden-by-policy',
      state: this.state,
      url: this.url,
      initialized: this.stored.initialized,
      error: this.error,
    };
  }

  async start(firstAdmin: FirstAdmin | null): Promise<LocalServerStatus> {
    if (!this.options.allowed) {
      throw new LocalServerError(
        'disabled-by-policy',
        'Your organization does not allow a server on this computer.',
      );
    }
    if (this.state === 'running' || this.state === 'starting') return this.status();
    if (!this.stored.initialized && !firstAdmin) {
      throw new LocalServerError(
        'first-admin-required',
        'A new server needs its first administrator account.',
      );
    }
    this.state = 'starting';
    this.error = null;
    try {
      if (!(await isPortFree(this.stored.port))) {
        this.saveState({ ...this.stored, port: await freePort() });
        throw new LocalServerError(
          'port-in-use',
          `Another program uses the server's port; it will use port ${this.stored.port} after Switchboard restarts.`,
        );
      }
      const ready = await this.spawnAndStart(firstAdmin);
      this.url = ready.url;
      this.state = 'running';
      this.saveState({ ...this.stored, initialized: true, autoStart: true });
      return this.status();
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.child?.kill();
      this.child = null;
      throw error instanceof LocalServerError ? error : new LocalServerError('failed', this.error);
    }
  }

  /** Asks the server to close (sockets, then the database) and waits for its process to exit. */
  async stop(options: { keepAutoStart?: boolean } = {}): Promise<void> {
    const child = this.child;
    if (!options.keepAutoStart && this.stored.autoStart) this.saveState({ ...this.stored, autoStart: false });
    if (!child) return;
    this.stopping = true;
    child.send({ type: 'stop' });
    const exited = await withTimeout(this.exited, this.timeout);
    if (exited === 'timeout') child.kill();
    this.child = null;
    this.stopping = false;
    this.state = 'stopped';
    this.url = null;
  }

  private get timeout(): number {
    return this.options.timeoutMs ?? 30_000;
  }

  private spawnAndStart(firstAdmin: FirstAdmin | null): Promise<Extract<FromServer, { type: 'ready' }>> {
    const logFile = path.join(this.options.directory, 'server.log');
    if (existsSync(logFile) && statSync(logFile).size > LOG_LIMIT_BYTES) truncateSync(logFile, 0);
    const child = this.options.spawn(this.options.modulePath, logFile, LOCAL_SERVER_NODE_FLAGS);
    this.child = child;
    this.exited = new Promise((resolve) => child.onExit(resolve));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new LocalServerError('failed', 'The server did not start in time; see server.log.')),
        this.timeout,
      );
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      child.onMessage((raw) => {
        const message = FromServer.safeParse(raw);
        if (!message.success) return this.options.log('local server: unknown message', { raw });
        if (message.data.type === 'ready')
          settle(() => resolve(message.data as Extract<FromServer, { type: 'ready' }>));
        else if (message.data.type === 'failed') {
          const { code, message: text } = message.data;
          settle(() => reject(new LocalServerError(code === 'port-in-use' ? 'port-in-use' : 'failed', text)));
        }
      });
      void this.exited.then((code) => {
        settle(() =>
          reject(new LocalServerError('failed', `The server exited (code ${code}); see server.log.`)),
        );
        if (this.child === child && !this.stopping) {
          this.child = null;
          if (this.state === 'running') {
            this.state = 'failed';
            this.error = `The server stopped unexpectedly (code ${code}).`;
            this.options.log('local server: exited', { code });
          }
        }
      });
      child.send({
        type: 'start',
        port: this.stored.port,
        dataDir: this.options.directory,
        workbenchOrigins: this.options.workbenchOrigins,
        logLevel: this.options.logLevel,
        firstAdmin,
      });
    });
  }

  private readState(): Stored | null {
    try {
      return Stored.parse(JSON.parse(readFileSync(this.stateFile, 'utf8')));
    } catch {
      return null;
    }
  }

  private saveState(next: Stored): void {
    this.stored = next;
    writeFileSync(this.stateFile, JSON.stringify(next, null, 2));
  }

  private get stateFile(): string {
    return path.join(this.options.directory, 'state.json');
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
