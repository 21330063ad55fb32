/**
 * Routing: 10,000 queued conversations and 500 agents with mixed capacities, drained by the real
 * engine (in memory, written through to a real SQLite file) and by a plain round-robin
 * dispatcher on the same store, in the same run. Not a test: run it with `npm run bench:routing`
 * (BENCH_QUICK=1 for a fast smoke run; BENCH_ROUNDS overrides the rounds). In-process, no sockets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssignerName } from './assigner.js';
import type { DrainFigures } from './drain.js';
import { formatReport, summarize, writeResults } from './report.js';
import { measureRun } from './run.js';
import { seedTemplate } from './seed.js';
import { routingBenchSettings } from './settings.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/routing.json', import.meta.url));
/** Above this the machine is doing something else too (the benchmark itself uses about 1). */
const BUSY_LOAD_AVERAGE = 0.5;

async function main(): Promise<void> {
  const settings = routingBenchSettings();
  const [loadBefore = 0] = loadavg();
  if (loadBefore > BUSY_LOAD_AVERAGE) {
    log(`the 1-minute load average is ${loadBefore.toFixed(2)}: other work is running, expect noisy figures`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-routing-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

  const template = path.join(dir, 'template.db');
  const seedStarted = performance.now();
  log(`seeding ${settings.conversations} conversations, ${settings.agents} agents …`);
  const population = await seedTemplate(template, settings);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`seeded in ${seedSeconds.toFixed(1)} s`);

  const runs: DrainFigures[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    // Alternate which goes first so drift on a noisy machine does not favour one assigner.
    const order: AssignerName[] = round % 2 === 0 ? ['naive', 'engine'] : ['engine', 'naive'];
    for (const name of order) {
      log(`round ${round + 1}/${settings.rounds}: ${name} …`);
      const run = await measureRun(name, template, population, settings, round);
      const outcome = run.drained ? 'drained' : `stopped at the budget with ${run.left} waiting`;
      log(
        `round ${round + 1}/${settings.rounds}: ${name} ${outcome} after ${(run.drainMs / 1000).toFixed(2)} s, ` +
          `decision p50 ${run.decisionMs.p50.toFixed(3)} ms, p99 ${run.decisionMs.p99.toFixed(3)} ms`,
      );
      runs.push(run);
    }
  }

  const summary = summarize(runs);
  process.stdout.write(formatReport(settings, population, runs, summary));
  writeResults(RESULTS_FILE, settings, seedSeconds, runs, summary);
  process.stdout.write(`Results written to ${RESULTS_FILE}\n`);
  if (runs.some((run) => run.violations.length > 0)) process.exitCode = 1;
}

function log(line: string): void {
  process.stderr.write(`[bench:routing] ${line}\n`);
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
