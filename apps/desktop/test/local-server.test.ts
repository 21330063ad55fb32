import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SERVER_NODE_FLAGS } from '@switchboard/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECODE_OPTIONS } from '../../server/src/email/decode-email.js';
import { buildLocalServer } from '../scripts/local-server-bundle.js';
import { LocalServer, type LocalServerOptions } from '../src/main/services/local-server/local-server.js';
import { tempDir } from './support/fakes.js';
import { nodeSpawner } from './support/node-fork.js';

const OWNER = { name: 'Olga Owner', email: 'olga@shop.example', password: 'correct horse battery' };
const SCRATCH = path.join(import.meta.dirname, '..', 'test-results', `local-server-${process.pid}`);
let bundle: string;

beforeAll(async () => {
  // The same bundle the desktop build ships (dist/server/server.mjs), built into a scratch folder.
  bundle = await buildLocalServer(SCRATCH);
});
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

function localServer(userData: string, overrides: Partial<LocalServerOptions> = {}) {
  const spawner = nodeSpawner();
  const server = new LocalServer({
    directory: path.join(userData, 'local-server'),
    modulePath: bundle,
    spawn: spawner.spawn,
    allowed: true,
    workbenchOrigins: ['app://switchboard'],
    logLevel: 'warn',
    log: () => undefined,
    ...overrides,
  });
  return { server, children: spawner.children };
}

const login = (url: string, email: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  }));

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const portAccepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the bundled local server, started as the app starts it', () => {
  const userData = tempDir('switchboard-userdata-');
  let running: ReturnType<typeof localServer>;

  afterAll(async () => {
    await running?.server.stop();
  });

  it('asks for the first admin on a new data folder', async () => {
    running = localServer(userData);
    expect(running.server.status()).toEqual({
      availability: 'available',
      state: 'stopped',
      url: null,
      initialized: false,
      error: null,
    });
    await expect(running.server.start(null)).rejects.toMatchObject({ code: 'first-admin-required' });
    expect(running.children).toHaveLength(0);
  });

  it('starts on 127.0.0.1 with its SQLite file in the user-data folder, and is reachable', async () => {
    const status = await running.server.start(OWNER);
    expect(status).toMatchObject({ state: 'running', initialized: true, error: null });
    expect(status.url).toBe(running.server.origin());
    expect(new URL(status.url ?? '').hostname).toBe('127.0.0.1');
    expect(running.children).toHaveLength(1);
    // Node's own flags come before the module: the same ones every other server start passes.
    const args = running.children[0]?.spawnargs ?? [];
    expect(args.slice(0, args.indexOf(bundle))).toEqual(expect.arrayContaining([...SERVER_NODE_FLAGS]));
    expect(existsSync(path.join(userData, 'local-server', 'switchboard.db'))).toBe(true);

    const health = await fetch(`${status.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('created the first admin: logging in through the REST API works, a wrong password does not', async () => {
    const url = running.server.status().url ?? '';
    const ok = await login(url, OWNER.email, OWNER.password);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, data: { user: { email: OWNER.email, role: 'admin' } } });
    const wrong = await login(url, OWNER.email, 'not the password');
    expect(wrong.body).toMatchObject({ ok: false });
  });

  it('allows the desktop app’s origin on the staff API', async () => {
    const url = running.server.status().url ?? '';
    const preflight = await fetch(`${url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'app://switchboard', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://switchboard');
  });

  it('makes reports and searches on the reading threads the bundle ships', async () => {
    const url = running.server.status().url ?? '';
    const session = (await login(url, OWNER.email, OWNER.password)).body as {
      data: { tokens: { accessToken: string } };
    };
    const today = new Date().toISOString().slice(0, 10);
    const response = await fetch(`${url}/api/reports?from=${today}&to=${today}&timezone=UTC&groupBy=day`, {
      headers: { authorization: `Bearer ${session.data.tokens.accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      data: { from: today, to: today, groupBy: 'day', total: { conversations: 0 } },
    });
    const search = await fetch(`${url}/api/search/messages?q=parcel`, {
      headers: { authorization: `Bearer ${session.data.tokens.accessToken}` },
    });
    expect(await search.json()).toEqual({ ok: true, data: { hits: [], conversations: [], more: false } });
  });

  it('stops cleanly: the process exits with 0 and the port is closed', async () => {
    const port = Number(new URL(running.server.status().url ?? '').port);
    const child = running.children[0] as ChildProcess;
    await running.server.stop();
    expect(await exitOf(child)).toBe(0);
    expect(await portAccepts(port)).toBe(false);
    expect(running.server.status()).toMatchObject({ state: 'stopped', url: null, initialized: true });
  });

  it('starts again on the same port with the same data, with no new admin asked for', async () => {
    const before = running.server.origin();
    running = localServer(userData);
    expect(running.server.origin()).toBe(before);
    const status = await running.server.start(null);
    expect(status.url).toBe(before);
    expect((await login(status.url ?? '', OWNER.email, OWNER.password)).status).toBe(200);
    // A second "first admin" is refused: the database already has its admin.
    await running.server.stop();
    await running.server.start({ ...OWNER, email: 'intruder@shop.example' });
    expect(
      (await login(running.server.status().url ?? '', 'intruder@shop.example', OWNER.password)).body,
    ).toMatchObject({
      ok: false,
    });
    await running.server.stop();
    expect(readFileSync(path.join(userData, 'local-server', 'server.log'), 'utf8')).not.toContain(
      OWNER.password,
    );
  });
});

describe('the worker threads the bundle ships', () => {
  it('the email decoder carries what it needs: away from any node_modules, it decodes an email', async () => {
    // The packaged app has no mailparser package of its own; the bundled script must not need one.
    const isolated = tempDir('switchboard-decoder-');
    const script = path.join(isolated, 'mail-decoder.cjs');
    copyFileSync(path.join(SCRATCH, 'workers', 'mail-decoder.cjs'), script);
    const worker = new Worker(script, { workerData: { options: DECODE_OPTIONS }, execArgv: [] });
    try {
      const raw = Buffer.from('From: Jonas <jonas@example.test>\r\nSubject: Re: x\r\n\r\nThanks!\r\n');
      const reply = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, raw: new Uint8Array(raw) });
      });
      expect(reply).toMatchObject({
        id: 7,
        decoded: { text: 'Thanks!\n', from: { value: [{ address: 'jonas@example.test' }] } },
      });
    } finally {
      await worker.terminate();
    }
  });
});

describe('the local server when policy forbids it', () => {
  it('refuses to start and never spawns a process', async () => {
    const { server, children } = localServer(tempDir('switchboard-userdata-'), { allowed: false });
    expect(server.status().availability).toBe('forbidden-by-policy');
    await expect(server.start(OWNER)).rejects.toMatchObject({ code: 'disabled-by-policy' });
    expect(children).toHaveLength(0);
    expect(server.shouldAutoStart).toBe(false);
  });
});
