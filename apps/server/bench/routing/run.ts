import { rmSync } from 'node:fs';
import path from 'node:path';
import type { AssignerFactory, AssignerName } from './assigner.js';
import { type DrainFigures, drain } from './drain.js';
import { engineAssigner } from './engine-assigner.js';
import { naiveAssigner } from './naive-assigner.js';
import { openRunCopy, type Population } from './seed.js';
import type { RoutingBenchSettings } from './settings.js';

const FACTORIES: Record<AssignerName, AssignerFactory> = { engine: engineAssigner, naive: naiveAssigner };

/** One drain on a fresh copy of the template database, removed again afterwards. */
export async function measureRun(
  name: AssignerName,
  template: string,
  population: Population,
  settings: RoutingBenchSettings,
  round: number,
): Promise<DrainFigures> {
  const file = path.join(path.dirname(template), `run-${round}-${name}.db`);
  const opened = openRunCopy(template, file, population);
  try {
    return await drain(FACTORIES[name], opened.db, population, settings, round);
  } finally {
    await opened.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}
