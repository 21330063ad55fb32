import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';
import { MEMORY_REQUEST, type ProbeSample, SAMPLE_REQUEST } from './probe.js';

const PROBE = new URL('./probe.ts', import.meta.url).href;
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** The child's CPU time so far; with `memory`, its memory after a forced full GC too. */
  sample(kind?: 'cpu' | 'memory'): Promise<ProbeSample>;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running. Synchronous, so it is safe in an `exit` handler. */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * The Node flags every benchmarked server runs with, the bare relay too: the server's own
 * (`SERVER_NODE_FLAGS`), or `BENCH_NODE_FLAGS` (space-separated) to compare others.
 */
function nodeFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS;
  return override === undefined ? [...SERVER_NODE_FLAGS] : override.split(' ').filter(Boolean);
}

/**
 * Starts `node <script>` in the server package with the probe preloaded and resolves once
 * it prints `… listening on http://127.0.0.1:PORT`. Its stderr and JSON log lines are passed on.
 * A `.ts` script runs from source with its workspace imports from source too; a `.js` one (the
 * build) imports the built packages, and the TypeScript loader (there for the probe) leaves it as
 * it is.
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const fromSource = script.endsWith('.ts') ? ['--conditions=source'] : [];
  const child = spawn(
    process.execPath,
    [...nodeFlags(), ...fromSource, '--import', 'tsx', '--expose-gc', '--import', PROBE, script],
    { cwd: SERVER_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  live.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => live.delete(child));

  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    process.stderr.write(chunk);
  });

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: { url: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('url' in outcome) return resolve(outcome.url);
      child.kill('SIGKILL');
      reject(new Error(`${script} ${outcome.error}\n${stderr}`));
    };
    const timer = setTimeout(
      () => settle({ error: `did not start within ${START_TIMEOUT_MS} ms` }),
      START_TIMEOUT_MS,
    );
    if (!child.stdout) throw new Error('no stdout pipe');
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = LISTENING.exec(line);
      if (!settled && match?.[1]) settle({ url: match[1] });
      else if (line.startsWith('{')) process.stderr.write(`[${script}] ${line}\n`);
    });
    child.once('error', (error) => settle({ error: error.message }));
    void exited.then((code) => settle({ error: `exited with code ${code} before listening` }));
  });

  const { pid } = child;
  if (pid === undefined) throw new Error(`${script} has no pid`);
  return {
    url,
    pid,
    sample: (kind = 'cpu') =>
      new Promise((resolve) => {
        child.once('message', (sample) => resolve(sample as ProbeSample));
        child.send(kind === 'memory' ? MEMORY_REQUEST : SAMPLE_REQUEST);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
