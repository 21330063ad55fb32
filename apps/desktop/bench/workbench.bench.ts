/**
 * npm run bench: the workbench in Chromium over a cache of 5,000 conversations and 200,000
 * messages. Each figure is printed with a same-run baseline and the ratio (DESIGN Testing 5):
 * list painted from cache vs an empty cache, and on a first launch vs a page that is React alone
 * (what React itself costs before the app's first paint); opening 10,000 messages vs a short conversation;
 * frame times while scrolling vs idle frames. Medians over several runs.
 *
 * Page loads are measured twice: in a fresh browser context (the first launch after an install
 * or update: nothing compiled, nothing cached) and in a profile that has loaded the app before
 * (every later launch: Electron keeps V8's code cache for the app:// scheme, see main/index.ts).
 * The page reaches main's real handlers over a local HTTP round trip rather than Playwright's
 * binding (see HostTransport); the first row compares the two.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { User } from '@switchboard/protocol';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { mainServices, tempDir } from '../test/support/fakes.js';
import {
  bindWorkbenchHost,
  CHROMIUM,
  CHROMIUM_ARGS,
  type HostTransport,
  launchChromium,
  VIEWPORT,
  workbenchDispatcher,
} from '../test/support/workbench-page.js';
import { seedCache } from './seed-cache.js';
import { BLANK_PATH, serveWebBuild } from './static-server.js';

const QUICK = process.env.BENCH_QUICK === '1';
const CONVERSATIONS = QUICK ? 500 : 5_000;
const MESSAGES = QUICK ? 20_000 : 200_000;
const BIG = QUICK ? 2_000 : 10_000;
const RUNS = QUICK ? 3 : 5;
/** Loads before the warm figures: V8 caches a script's compiled code once it has run a few times. */
const WARM_UP_LOADS = 3;
const SCROLL_FRAMES = 240;
const SCROLL_STEP = 400;
const DESKTOP = fileURLToPath(new URL('..', import.meta.url));
/** Builds bench/react-floor (React and ReactDOM in production mode, rendering one list row) into a temporary folder. */
async function buildReactFloor(): Promise<string> {
  const outDir = tempDir('switchboard-bench-react-floor-');
  await build({
    configFile: false,
    root: path.join(DESKTOP, 'bench/react-floor'),
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return outDir;
}

type Mark = 'list' | 'shell';

/**
 * Reports on the console (ms since navigation start) when the first list row and the empty list
 * appear. The console, not Playwright's polling: polling compiles Playwright's injected script in
 * the page while the app starts, which costs the page's main thread 25-40 ms here.
 */
function markPaints(): void {
  const seen = new Set<string>();
  const observer = new MutationObserver(() => {
    for (const [mark, selector] of [
      ['shell', '[data-testid="conversation-list"]'],
      ['list', '[data-testid="conversation-row"]'],
    ] as const) {
      if (seen.has(mark) || !document.querySelector(selector)) continue;
      seen.add(mark);
      console.debug(`bench:${mark} ${performance.now()}`);
    }
    if (seen.size === 2) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
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

/** A new tab of `context` on the workbench, and when it painted `mark` (see markPaints). */
async function loadWorkbench(
  context: BrowserContext,
  url: string,
  mark: Mark,
): Promise<{ tab: Page; painted: number }> {
  const tab = await context.newPage();
  const painted = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workbench never painted its ${mark}`)), 60_000);
    tab.on('console', (message) => {
      const [name, at] = message.text().split(' ');
      if (name !== `bench:${mark}`) return;
      clearTimeout(timer);
      resolve(Number(at));
    });
  });
  await tab.goto(`${url}/app/`);
  return { tab, painted: await painted };
}

/**
 * The rest of the cached list loads after the first paint; opening is measured once it is in and
 * the page has gone idle, as when an agent reads the list and then clicks.
 */
async function wholeList(page: Page): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="view-mine"]')?.textContent?.includes(String(n)),
    CONVERSATIONS,
    { timeout: 60_000 },
  );
  await untilIdle(page);
}

/** Until the page's main thread has an idle moment. */
function untilIdle(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));
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

/** A fresh page's first bridge call (the app's boot request) over `transport`, with nothing else running. */
async function firstBridgeCall(
  browser: Browser,
  url: string,
  main: ReturnType<typeof mainServices>,
  transport: HostTransport,
): Promise<number> {
  const context = await browser.newContext();
  await bindWorkbenchHost(context, url, main, { transport });
  const tab = await context.newPage();
  await tab.goto(`${url}${BLANK_PATH}`);
  const elapsed = await tab.evaluate(async () => {
    const bridge = (window as unknown as { switchboard: Record<string, (p: unknown) => Promise<unknown>> })
      .switchboard;
    const t0 = performance.now();
    await bridge['app:boot']?.({});
    return performance.now() - t0;
  });
  await context.close();
  return elapsed;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(DESKTOP, '../../node_modules/vite/bin/vite.js'), 'build'], {
    cwd: DESKTOP,
    stdio: 'ignore',
  });
  const floor = await serveWebBuild(await buildReactFloor());
  const dataDir = tempDir('switchboard-bench-');
  const main = mainServices(dataDir);
  const web = await serveWebBuild(path.join(DESKTOP, 'dist/web'), {
    bridge: (url) => workbenchDispatcher(main, url, (line) => process.stderr.write(`${line}\n`)),
  });
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
  /** Every load starts signed in as `who` with no tabs open, so no run inherits another's. */
  const signIn = (who: User) => {
    main.services.sessions.save({
      serverUrl: web.url,
      user: who,
      refreshToken: 'rt_bench-refresh-token-000000',
    });
    main.services.caches.get({ serverUrl: web.url, userId: who.id }).saveTabs({ open: [], active: null });
  };
  /** First launch: a fresh context, nothing compiled or cached. The caller closes the context. */
  const coldLoad = async (who: User, mark: Mark) => {
    signIn(who);
    const context = await browser.newContext({ viewport: VIEWPORT });
    await bindWorkbenchHost(context, web.url, main, { initScript: markPaints, transport: 'http' });
    return { context, ...(await loadWorkbench(context, web.url, mark)) };
  };
  /** The floor: a first launch of a page that is React alone, painting one row. */
  const floorLoad = async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(markPaints);
    const { painted } = await loadWorkbench(context, floor.url, 'list');
    await context.close();
    return painted;
  };
  const profile = await chromium.launchPersistentContext(tempDir('switchboard-bench-profile-'), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  await bindWorkbenchHost(profile, web.url, main, { initScript: markPaints, transport: 'http' });
  /** A later launch: a profile that has loaded the app before. */
  const warmLoad = async (who: User, mark: Mark) => {
    signIn(who);
    const { tab, painted } = await loadWorkbench(profile, web.url, mark);
    await tab.close();
    return painted;
  };
  for (let load = 0; load < WARM_UP_LOADS; load++) await warmLoad(user, 'list');

  const results = {
    bridgeHttp: [] as number[],
    bridgeBinding: [] as number[],
    list: [] as number[],
    shell: [] as number[],
    reactAlone: [] as number[],
    warmList: [] as number[],
    warmShell: [] as number[],
    openBig: [] as number[],
    openSmall: [] as number[],
    openBigNext: [] as number[],
  };
  let scroll: number[] = [];
  let idle: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    results.bridgeHttp.push(await firstBridgeCall(browser, web.url, main, 'http'));
    results.bridgeBinding.push(await firstBridgeCall(browser, web.url, main, 'binding'));
    results.warmShell.push(await warmLoad(emptyUser, 'shell'));
    results.warmList.push(await warmLoad(user, 'list'));

    results.reactAlone.push(await floorLoad());
    const empty = await coldLoad(emptyUser, 'shell');
    results.shell.push(empty.painted);
    await empty.context.close();

    const full = await coldLoad(user, 'list');
    results.list.push(full.painted);
    await wholeList(full.tab);
    results.openBig.push(await openTime(full.tab, seeded.big.id, seeded.lastBigBody));
    if (run === 0) {
      // Scrolling up reads older history from the cache a page at a time as it goes.
      await full.tab.waitForTimeout(300);
      idle = await frameTimes(full.tab, 120, 0);
      scroll = await frameTimes(full.tab, SCROLL_FRAMES, SCROLL_STEP);
    }
    await full.context.close();

    const other = await coldLoad(user, 'list');
    await wholeList(other.tab);
    results.openSmall.push(
      await openTime(
        other.tab,
        seeded.small.id,
        `Message ${Math.floor((MESSAGES - BIG) / (CONVERSATIONS - 1))} of`,
      ),
    );
    await untilIdle(other.tab);
    results.openBigNext.push(await openTime(other.tab, seeded.big.id, seeded.lastBigBody));
    await other.context.close();
  }
  await profile.close();
  await browser.close();
  await web.close();
  await floor.close();
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
      "a page's first bridge call (app:boot)",
      median(results.bridgeHttp),
      median(results.bridgeBinding),
      'Playwright binding',
    ) +
      line(
        'first launch: list painted from cache',
        median(results.list),
        median(results.shell),
        'empty cache',
        300,
      ) +
      line(
        'first launch: list painted, vs React alone',
        median(results.list),
        median(results.reactAlone),
        'React alone, one row',
      ) +
      line(
        'later launch: list painted from cache',
        median(results.warmList),
        median(results.warmShell),
        'empty cache',
        300,
      ),
  );
  process.stdout.write(
    line(
      `open ${BIG} messages: first chat since start`,
      median(results.openBig),
      median(results.openSmall),
      'short conversation',
      100,
    ) +
      line(
        `open ${BIG} messages: after another chat`,
        median(results.openBigNext),
        median(results.openBig),
        'first chat',
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
