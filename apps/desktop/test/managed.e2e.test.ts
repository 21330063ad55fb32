import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalServer } from '../scripts/local-server-bundle.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';
import { mainServices, tempDir } from './support/fakes.js';
import { nodeSpawner } from './support/node-fork.js';
import { buildWorkbench, servePages } from './support/static-pages.js';
import { launchChromium, openWorkbench } from './support/workbench-page.js';

/**
 * The login screen and settings under managed policy, in Chromium against the real handler map.
 * The second page starts the real bundled server from the login screen and signs in to it.
 */
const DESKTOP_DIR = fileURLToPath(new URL('..', import.meta.url));
const SCRATCH = path.join(DESKTOP_DIR, 'test-results', `managed-${process.pid}`);
const WEB = path.join(SCRATCH, 'web');
const ARTIFACTS = path.join(DESKTOP_DIR, 'test-results');

let browser: Browser;
let pages: Awaited<ReturnType<typeof servePages>>;
let pagesUrl: string;
let bundle: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  // Its own build folder: the workbench suite builds dist/web at the same time.
  buildWorkbench(WEB);
  bundle = await buildLocalServer(path.join(SCRATCH, 'server'));
  pages = await servePages(WEB);
  pagesUrl = pages.url;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await browser?.close();
  await pages.close();
  rmSync(SCRATCH, { recursive: true, force: true });
});

describe('the login screen under a policy that locks the server and forbids a local server', () => {
  it('shows the organization’s server read-only and the local-server action disabled', async () => {
    const policy = resolvePolicy([
      {
        name: '/etc/switchboard/policy.json',
        values: { ServerUrl: 'https://chat.example.com', AllowLocalServer: false },
      },
    ]);
    const { page, errors } = await openWorkbench(browser, pagesUrl, tempDir(), {
      main: mainServices(tempDir(), { policy }),
    });
    const server = page.locator('input[name="server"]');
    await expect.poll(() => server.inputValue()).toBe('https://chat.example.com');
    await expect.poll(() => server.getAttribute('readonly')).not.toBeNull();
    await server.press('End');
    await page.keyboard.type('/elsewhere');
    expect(await server.inputValue()).toBe('https://chat.example.com');
    expect(await page.getByTestId('locked-note').textContent()).toContain('Locked by your organization');

    const action = page.getByTestId('local-server-action');
    expect(await action.isDisabled()).toBe(true);
    expect(await page.getByTestId('local-server-forbidden').textContent()).toContain(
      'turned off by your organization',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-locked-by-policy.png') });
    expect(errors).toEqual([]);
  });
});

describe('running the server on this computer from the login screen', () => {
  it('creates the first admin, signs in, and shows the locked update settings', async () => {
    const policy = resolvePolicy([
      {
        name: 'HKLM\\Software\\Policies\\Switchboard',
        values: { AutoUpdate: 0, UpdateChannel: 'beta', LogLevel: 'loud', OpenAtLogin: 1 },
      },
    ]);
    const spawner = nodeSpawner();
    const main = mainServices(tempDir(), {
      policy,
      localServer: {
        modulePath: bundle,
        spawn: spawner.spawn,
        // This test's page origin stands in for app://switchboard.
        workbenchOrigins: [pagesUrl],
      },
    });
    cleanups.push(() => main.services.localServer.stop());
    const { page, errors } = await openWorkbench(browser, pagesUrl, tempDir(), { main });

    await page.getByTestId('local-server-action').click();
    await page.locator('input[name="admin-name"]').fill('Olga Owner');
    await page.locator('input[name="admin-email"]').fill('olga@shop.example');
    await page.locator('input[name="admin-password"]').fill('correct horse battery');
    await page.locator('input[name="admin-confirm"]').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create the server and sign in' }).click();

    await expect
      .poll(() => page.getByTestId('reachability').textContent(), { timeout: 30_000 })
      .toContain('Server reachable');
    const session = main.services.sessions.load();
    expect(session?.user).toMatchObject({ email: 'olga@shop.example', role: 'admin' });
    expect(session?.serverUrl).toBe(main.services.localServer.status().url);
    expect(spawner.children).toHaveLength(1);

    await page.getByTestId('open-settings').click();
    const updates = page.getByTestId('updates');
    expect(await updates.locator('input[name="autoUpdate"]').isChecked()).toBe(false);
    expect(await updates.locator('input[name="autoUpdate"]').isDisabled()).toBe(true);
    expect(await updates.locator('select[name="updateChannel"]').inputValue()).toBe('beta');
    expect(await updates.locator('select[name="updateChannel"]').isDisabled()).toBe(true);
    expect(await updates.getByTestId('locked-note').count()).toBe(2);
    // IT starts the app at sign-in: shown on and locked; staying in the tray is still the agent's.
    const desktop = page.getByTestId('desktop');
    expect(await desktop.locator('input[name="openAtLogin"]').isChecked()).toBe(true);
    expect(await desktop.locator('input[name="openAtLogin"]').isDisabled()).toBe(true);
    expect(await desktop.locator('input[name="keepRunningInTray"]').isDisabled()).toBe(false);
    expect(await desktop.getByTestId('locked-note').count()).toBe(1);
    expect(await page.getByTestId('policy-notice').textContent()).toContain(
      'Some settings are managed by your organization.',
    );
    await page.getByTestId('policy-notice').locator('summary').click();
    expect(await page.getByTestId('policy-notice').textContent()).toContain(
      'LogLevel = "loud" is invalid: expected error, warn, info or debug; ignored',
    );
    expect(await page.getByTestId('update-status').textContent()).toBe(
      'Updates are off in a development build.',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-managed.png') });
    expect(errors).toEqual([]);
  });
});
