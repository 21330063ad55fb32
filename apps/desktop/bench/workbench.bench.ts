/**
 * npm run bench: the workbench in Chromium over a cache of 5,000 conversations and 200,000
 * messages. Each figure is printed with a same-run baseline and the ratio (DESIGN Testing 5):
 * list painted from cache vs an empty cache; opening 10,000 messages vs a short conversation;
 * frame times while scrolling vs idle frames. Medians over several runs.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { User } from '@switchboard/protocol';
import type { Browser, Page } from 'playwright-core';
import { mainServices, tempDir } from '../test/support/fakes.js';
import { launchChromium, openWorkbench } from '../test/support/workbench-page.js';
import { seedCache } from './seed-cache.js';
import { serveWebBuild } from './static-server.js';

const QUICK = process.env.BENCH_QUICK === '1';
const CONVERSATIONS = QUICK ? 500 : 5_000;
const MESSAGES = QUICK ? 20_000 : 200_000;
const BIG = QUICK ? 2_000 : 10_000;
const RUNS = QUICK ? 3 : 5;
const DESKTOP = fileURLToPath(new URL('..', import.meta.url));

type Marks = { list?: number; shell?: number };

/** Records (ms since navigation start) when the first list row and the empty list appear. */
function markPaints(): void {
  const w = window as unknown as { __marks: Marks };
  w.__marks = {};
  new MutationObserver(() => {
    if (!w.__marks.list && document.querySelector('[data-testid="conversation-row"]'))
      w.__marks.list = performance.now();
    if (!w.__marks.shell && document.querySelector('[data-testid="conversation-list"]'))
      w.__marks.shell = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function paintTime(page: Page, mark: keyof Marks): Promise<number> {
  await page.waitForFunction(
    (m) => (window as unknown as { __marks: Marks }).__marks[m] !== undefined,
    mark,
    { timeout: 60_000 },
  );
  return page.evaluate((m) => (window as unknown as { __marks: Marks }).__marks[m] ?? Number.NaN, mark);
}

/** The rest of the cached list loads after the first paint; measure opening once it is in. */
async function wholeList(page: Page): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="view-mine"]')?.textContent?.includes(String(n)),
    CONVERSATIONS,
    { timeout: 60_000 },
  );
}

/** Click a conversation row; time until the timeline shows `lastBody`. */
async function openTime(page: Page, conversationId: string, lastBody: string): Promise<number> {
  return page.evaluate(
    ({ id, last }) =>
      new Promise<number>((resolve) => {
        const row = document.querySelector<HTMLButtonElement>(
          `[data-testid="conversation-row"][data-conversation-id="${id}"]`,
        );
        if (!row) return resolve(Number.NaN);
        const t0 = performance.now();
        const done = () => document.querySelector('[data-testid="timeline"]')?.textContent?.includes(last);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        row.click();
      }),
    { id: conversationId, last: lastBody },
  );
}

/** Frame intervals over `frames` animation frames, scrolling the timeline up by `step` px per frame. */
async function frameTimes(page: Page, frames: number, step: number): Promise<number[]> {
  return page.evaluate(
    ({ frames, step }) =>
      new Promise<number[]>((resolve) => {
        const scroller = document.querySelector('[data-testid="timeline"]') as HTMLElement;
        const deltas: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (step) scroller.scrollTop -= step;
          if (deltas.length < frames) requestAnimationFrame(tick);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    { frames, step },
  );
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(DESKTOP, '../../node_modules/vite/bin/vite.js'), 'build'], {
    cwd: DESKTOP,
    stdio: 'ignore',
  });
  const web = await serveWebBuild(path.join(DESKTOP, 'dist/web'));
  const dataDir = tempDir('switchboard-bench-');
  const main = mainServices(dataDir);
  const user: User = {
    id: crypto.randomUUID(),
    email: 'bench@example.test',
    name: 'Bench Agent',
    role: 'agent',
    teamIds: [],
  };
  const emptyUser: User = { ...user, id: crypto.randomUUID() };

  const seedStart = performance.now();
  const cache = main.services.caches.get({ serverUrl: web.url, userId: user.id });
  const seeded = seedCache(cache, user, CONVERSATIONS, MESSAGES, BIG);
  process.stdout.write(
    `seeded ${CONVERSATIONS} conversations, ${MESSAGES} messages in ${ms(performance.now() - seedStart)}\n`,
  );

  const browser: Browser = await launchChromium();
  const page = async (who: User) => {
    main.services.sessions.save({
      serverUrl: web.url,
      user: who,
      refreshToken: 'rt_bench-refresh-token-000000',
    });
    return openWorkbench(browser, web.url, dataDir, { main, initScript: markPaints });
  };
  const results = {
    list: [] as number[],
    shell: [] as number[],
    openBig: [] as number[],
    openSmall: [] as number[],
  };
  let scroll: number[] = [];
  let idle: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const empty = await page(emptyUser);
    results.shell.push(await paintTime(empty.page, 'shell'));
    await empty.context.close();

    const full = await page(user);
    results.list.push(await paintTime(full.page, 'list'));
    await wholeList(full.page);
    results.openBig.push(await openTime(full.page, seeded.big.id, seeded.lastBigBody));
    if (run === 0) {
      await full.page.waitForTimeout(300);
      idle = await frameTimes(full.page, 120, 0);
      scroll = await frameTimes(full.page, 240, 400);
    }
    await full.context.close();

    const other = await page(user);
    await paintTime(other.page, 'list');
    await wholeList(other.page);
    results.openSmall.push(
      await openTime(
        other.page,
        seeded.small.id,
        `Message ${Math.floor((MESSAGES - BIG) / (CONVERSATIONS - 1))} of`,
      ),
    );
    await other.context.close();
  }
  await browser.close();
  await web.close();
  main.services.caches.closeAll();

  const line = (name: string, value: number, base: number, baseName: string, target?: number) =>
    `${name.padEnd(44)} ${ms(value).padStart(10)}   baseline (${baseName}) ${ms(base).padStart(9)}   ratio ${(value / base).toFixed(2)}x${
      target ? `   target < ${target} ms: ${value < target ? 'met' : 'MISSED'}` : ''
    }\n`;
  process.stdout.write(
    `\nWorkbench in Chromium, medians of ${RUNS} runs (${CONVERSATIONS} conversations, ${MESSAGES} messages)\n`,
  );
  process.stdout.write(
    line(
      'page load -> conversation list from cache',
      median(results.list),
      median(results.shell),
      'empty cache',
      300,
    ),
  );
  process.stdout.write(
    line(
      `open a conversation of ${BIG} messages`,
      median(results.openBig),
      median(results.openSmall),
      'short conversation',
      100,
    ),
  );
  process.stdout.write(
    line('scrolling it: median frame', median(scroll), median(idle), 'idle frame') +
      line('scrolling it: p95 frame', percentile(scroll, 0.95), percentile(idle, 0.95), 'idle p95') +
      `${'scrolling it: frames over 50 ms'.padEnd(44)} ${scroll.filter((d) => d > 50).length} of ${scroll.length}\n`,
  );
}

await main();
