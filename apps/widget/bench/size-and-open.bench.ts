/**
 * The widget's weight and speed: gzip sizes of the loader and the chat bundle (against the 5 KB /
 * 40 KB targets and against socket.io-client's own browser bundle, measured in the same run), and
 * the time from a click on the launcher to a focused, enabled composer in Chromium against a real
 * server process, cold (chat.js not loaded yet) and warm (re-opened), next to the time the same
 * page needs just to fetch chat.js.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildWidget, DIST_DIR } from '../scripts/build-widget.js';
import { TestAgent } from '../test/support/agent.js';
import { launchChromium } from '../test/support/browser.js';
import { embedPage, startHostSite } from '../test/support/host-page.js';
import { startServerProcess } from '../test/support/server-process.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const LOADER_TARGET = 5 * 1024;
const WHOLE_TARGET = 40 * 1024;

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Clicks the launcher inside the page and resolves with ms until the composer is enabled and
 * focused. A string, not a function: tsx's name helpers do not exist in the page.
 */
const CLICK_TO_COMPOSER = `new Promise((resolve, reject) => {
  const root = document.querySelector('[data-switchboard-widget]')?.shadowRoot;
  const launcher = root?.querySelector('.sb-launcher');
  if (!root || !launcher) return reject(new Error('no launcher'));
  const started = performance.now();
  const check = () => {
    const composer = root.querySelector('.sb-composer textarea');
    if (composer && !composer.disabled && root.activeElement === composer) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  launcher.click();
  check();
})`;

function clickToComposer(page: Page): Promise<number> {
  return page.evaluate(CLICK_TO_COMPOSER) as Promise<number>;
}

await buildWidget();
const loader = gzipSize(path.join(DIST_DIR, 'widget.js'));
const chat = gzipSize(path.join(DIST_DIR, 'chat.js'));
const require = createRequire(import.meta.url);
const socketIoBundle = path.join(
  path.dirname(require.resolve('socket.io-client/package.json')),
  'dist/socket.io.min.js',
);
const socketIo = gzipSize(socketIoBundle);

const pages: Record<string, string> = {};
const site = await startHostSite(pages);
const server = await startServerProcess([site.origin]);
pages['/'] = embedPage(server.url, server.fixture.plainWidgetId);
const agent = await TestAgent.connect(server.url); // someone online: the chat opens on the composer
const browser = await launchChromium();
const cold: number[] = [];
const warm: number[] = [];
const fetchOnly: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('[data-switchboard-widget][data-state=ready]', { state: 'attached' });
    fetchOnly.push(
      await page.evaluate(async (url) => {
        const started = performance.now();
        await (await fetch(`${url}/widget/chat.js?baseline=${Math.random()}`, { cache: 'no-store' })).text();
        return performance.now() - started;
      }, server.url),
    );
    cold.push(await clickToComposer(page));
    await page.evaluate(() => (window as unknown as { Switchboard: { close(): void } }).Switchboard.close());
    warm.push(await clickToComposer(page));
    await context.close();
  }
} finally {
  await browser.close();
  agent.close();
  await server.stop();
  await site.close();
}

const lines = [
  'Widget size (gzip -9)',
  `  loader  widget.js   ${kb(loader).padStart(9)}   target 5 KB:  ${((loader / LOADER_TARGET) * 100).toFixed(0)} % of budget`,
  `  chat    chat.js     ${kb(chat).padStart(9)}`,
  `  whole   both        ${kb(loader + chat).padStart(9)}   target 40 KB: ${(((loader + chat) / WHOLE_TARGET) * 100).toFixed(0)} % of budget`,
  `  baseline: socket.io-client's own browser bundle (socket.io.min.js) ${kb(socketIo)}; whole widget = ${((loader + chat) / socketIo).toFixed(2)}× it`,
  '',
  `Click on the launcher → focused composer, Chromium, real server process, median of ${RUNS}`,
  `  cold (loads chat.js, connects nothing yet)   ${median(cold).toFixed(1)} ms   (min ${Math.min(...cold).toFixed(1)}, max ${Math.max(...cold).toFixed(1)})`,
  `  warm (re-open)                                ${median(warm).toFixed(1)} ms`,
  `  baseline: fetch chat.js alone                 ${median(fetchOnly).toFixed(1)} ms; cold open = ${(median(cold) / median(fetchOnly)).toFixed(2)}× it`,
];
process.stdout.write(`${lines.join('\n')}\n`);
