import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '../../src/app/start-server.js';
import { type ConfigInput, parseConfig } from '../../src/config/config.js';
import { relaxedLimits } from '../../src/security/rate-limits.js';
import { type Fixture, seedFixture } from './fixture.js';

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  fixture: Fixture;
  stop(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters';

/** Generous limits so tests hit a limit only when they mean to. */
export const RELAXED_LIMITS = relaxedLimits(100_000, 10);

/** The real server on an ephemeral port over a fresh SQLite file, seeded with the test fixture. */
export async function startTestServer(
  overrides: ConfigInput = {},
  clock: () => number = Date.now,
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-test-'));
  const config = parseConfig({
    port: 0,
    dataDir,
    logLevel: 'silent',
    ...overrides,
    auth: { scryptCost: 1024, jwtSecret: TEST_JWT_SECRET, ...overrides.auth },
    limits: { ...RELAXED_LIMITS, ...overrides.limits },
  });
  const server = await startServer(config, clock);
  const fixture = await seedFixture(server.components.db);
  await server.components.reloadOrigins();
  await server.components.routing.reload();
  return {
    server,
    url: server.url,
    dataDir,
    fixture,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
