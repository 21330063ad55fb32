/**
 * Visitor → agent delivery through the full server (validate, commit, ack, fan-out) against a
 * bare socket.io relay, measured in the same run with the same clients. Not a test: run it with
 * `npm run bench` (BENCH_QUICK=1 for a fast smoke run; BENCH_ROUNDS and BENCH_RATE override).
 * Servers run as child processes on 127.0.0.1; the clients run here. The full server is the
 * build `npm start` runs, so `npm run bench` builds first.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { builtServerProblem } from './built-server.js';
import { fileLimitProblem } from './preflight.js';
import { killAllChildren } from './processes.js';
import { formatReport, writeResults } from './report.js';
import { measureRun, type RunFigures } from './run.js';
import { benchSettings, socketCount } from './settings.js';
import { summarize } from './summary.js';
import type { TargetName } from './targets.js';

const RESULTS_FILE = new URL('../bench-results/delivery.json', import.meta.url);
/** Above this the machine is doing something else too (the benchmark itself uses about 2). */
const BUSY_LOAD_AVERAGE = 0.5;

async function main(): Promise<void> {
  const settings = benchSettings();
  const problem = fileLimitProblem(socketCount(settings)) ?? builtServerProblem();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }

  const [loadBefore = 0] = loadavg();
  if (loadBefore > BUSY_LOAD_AVERAGE) {
    log(`the 1-minute load average is ${loadBefore.toFixed(2)}: other work is running, expect noisy figures`);
  }

  const runs: RunFigures[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    // Alternate which goes first so drift on a noisy machine does not favour one target.
    const order: TargetName[] = round % 2 === 0 ? ['relay', 'full'] : ['full', 'relay'];
    for (const target of order) {
      log(`round ${round + 1}/${settings.rounds}: ${target} …`);
      const run = await measureRun(target, settings, round);
      log(
        `round ${round + 1}/${settings.rounds}: ${target} p50 ${run.p50Ms.toFixed(2)} ms, ` +
          `p99 ${run.p99Ms.toFixed(2)} ms, lost ${run.lost} (setup ${run.setupSeconds.toFixed(1)} s)`,
      );
      runs.push(run);
    }
  }

  const summary = summarize(runs);
  process.stdout.write(formatReport(settings, runs, summary));
  writeResults(fileURLToPath(RESULTS_FILE), settings, runs, summary);
  process.stdout.write(`Results written to ${fileURLToPath(RESULTS_FILE)}\n`);
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

process.on('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
