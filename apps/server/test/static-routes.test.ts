import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticRoutes, WORKBENCH_CSP } from '../src/http/routes/static-routes.js';

async function serve(dirs: {
  widget: string;
  workbench: string;
}): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  await staticRoutes(app, dirs);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}

describe('static front ends', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'switchboard-static-'));
  const dirs = { widget: path.join(root, 'widget'), workbench: path.join(root, 'web') };
  let built: { app: FastifyInstance; url: string };
  let missing: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    mkdirSync(path.join(dirs.workbench, 'assets'), { recursive: true });
    mkdirSync(dirs.widget, { recursive: true });
    writeFileSync(path.join(dirs.widget, 'widget.js'), 'window.loaded = true;');
    writeFileSync(path.join(dirs.widget, 'chat.js'), 'window.chat = true;');
    writeFileSync(path.join(dirs.widget, 'demo.html'), '<title>demo</title>');
    writeFileSync(path.join(dirs.workbench, 'index.html'), '<title>workbench</title>');
    writeFileSync(path.join(dirs.workbench, 'assets', 'main.js'), 'main()');
    built = await serve(dirs);
    missing = await serve({ widget: path.join(root, 'none'), workbench: path.join(root, 'none') });
  });
  afterAll(async () => {
    await built.app.close();
    await missing.app.close();
  });

  it('serves the widget loader, its assets and the demo page', async () => {
    expect(await (await fetch(`${built.url}/widget.js`)).text()).toBe('window.loaded = true;');
    expect(await (await fetch(`${built.url}/widget/chat.js`)).text()).toBe('window.chat = true;');
    expect(await (await fetch(`${built.url}/demo`)).text()).toContain('demo');
  });

  it('serves the workbench with its CSP, client-side routes included, and 404s missing files', async () => {
    for (const route of ['/app/', '/app/supervisor', '/app/conversations/123']) {
      const res = await fetch(`${built.url}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(WORKBENCH_CSP);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('workbench');
    }
    const asset = await fetch(`${built.url}/app/assets/main.js`);
    expect(asset.headers.get('content-security-policy')).toBe(WORKBENCH_CSP);
    // Content-hashed build output: kept by the browser, never fetched again for this build.
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('main()');
    expect((await fetch(`${built.url}/app/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${built.url}/app`, { redirect: 'manual' })).headers.get('location')).toBe('/app/');
    expect(WORKBENCH_CSP).toMatch(/^default-src 'none'/);
  });

  it('says what to build when a front end is missing', async () => {
    const res = await fetch(`${missing.url}/widget.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/npm run build/) },
    });
    expect((await fetch(`${missing.url}/app`)).status).toBe(404);
  });
});
