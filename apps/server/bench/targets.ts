import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoginResponse, Result, VisitorSession } from '@switchboard/protocol';
import { BUILT_SERVER } from './built-server.js';
import type { ProbeSample } from './probe.js';
import { startServerProcess } from './processes.js';
import { AGENT_PASSWORD, BENCH_ORIGIN, SCRYPT_COST, seedDatabase } from './seed.js';
import type { BenchSettings } from './settings.js';

export type TargetName = 'relay' | 'full';

/** A server under test, in its own process, plus how its clients get credentials. */
export interface Target {
  name: TargetName;
  url: string;
  visitorToken(): Promise<string>;
  agentToken(index: number): Promise<string>;
  sample(kind?: 'cpu' | 'memory'): Promise<ProbeSample>;
  stop(): Promise<void>;
}

export function startTarget(name: TargetName, settings: BenchSettings): Promise<Target> {
  return name === 'relay' ? startRelay() : startFullServer(settings);
}

async function startRelay(): Promise<Target> {
  const server = await startServerProcess('bench/bare-relay.ts');
  return {
    name: 'relay',
    url: server.url,
    // The relay ignores credentials, but its clients present them all the same.
    visitorToken: async () => randomUUID(),
    agentToken: async () => randomUUID(),
    sample: server.sample,
    stop: server.stop,
  };
}

const per = (points: number, seconds: number) => ({ points, seconds });

/** Every limit far above what the run needs: the benchmark measures delivery, not refusals. */
function relaxedLimits(settings: BenchSettings) {
  const many = 10 * (settings.visitors + settings.agents);
  return {
    loginPerIp: per(many, 60),
    loginPerAccount: per(many, 60),
    handshakesPerIp: per(many, 60),
    visitorSessionsPerIp: per(many, 60),
    conversationsPerIp: per(many, 60),
    messagesPerSocket: per(100_000, 10),
    typingPerSocket: per(100_000, 10),
    requestsPerSocket: per(100_000, 10),
    uploadsPerPrincipal: per(many, 60),
    leaveMessagesPerVisitor: per(many, 60),
  };
}

async function startFullServer(settings: BenchSettings): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeData);
  try {
    const { widgetId, agentEmails } = await seedDatabase(
      path.join(dataDir, 'switchboard.db'),
      settings.agents,
    );
    const configFile = path.join(dataDir, 'bench-config.json');
    writeFileSync(
      configFile,
      JSON.stringify({ auth: { scryptCost: SCRYPT_COST }, limits: relaxedLimits(settings) }, null, 2),
    );
    const server = await startServerProcess(BUILT_SERVER, {
      SWITCHBOARD_CONFIG: configFile,
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_HOST: '127.0.0.1',
      SWITCHBOARD_PORT: '0',
      SWITCHBOARD_LOG_LEVEL: 'warn',
      SWITCHBOARD_JWT_SECRET: 'bench-jwt-secret-that-is-at-least-32-characters',
    });
    return {
      name: 'full',
      url: server.url,
      visitorToken: async () => {
        const session = await post<VisitorSession>(
          server.url,
          '/api/visitor/sessions',
          { widgetId },
          BENCH_ORIGIN,
        );
        return session.visitorToken;
      },
      agentToken: async (index) => {
        const email = agentEmails[index];
        if (!email) throw new Error(`no agent ${index} was seeded`);
        const login = await post<LoginResponse>(server.url, '/api/auth/login', {
          email,
          password: AGENT_PASSWORD,
        });
        return login.tokens.accessToken;
      },
      sample: server.sample,
      stop: async () => {
        await server.stop();
        removeData();
      },
    };
  } catch (error) {
    removeData();
    throw error;
  }
}

async function post<T>(url: string, route: string, body: unknown, origin?: string): Promise<T> {
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`POST ${route}: ${result.error.code} ${result.error.message}`);
  return result.data;
}
