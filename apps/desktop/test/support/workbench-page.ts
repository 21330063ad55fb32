import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createDispatcher } from '../../src/main/ipc-dispatch.js';
import { channelNames } from '../../src/shared/bridge.js';
import { mainServices } from './fakes.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * The workbench page with `window.switchboard` bound to the SAME main-process handler map as
 * Electron's (real services on a real cache file in `dataDir`), through the same dispatcher and
 * its origin check. Only Electron's own APIs are the recording fakes in `host`.
 */
export async function openWorkbench(
  browser: Browser,
  serverUrl: string,
  dataDir: string,
  options: { main?: ReturnType<typeof mainServices>; initScript?: () => void } = {},
) {
  const main = options.main ?? mainServices(dataDir);
  const rejected: string[] = [];
  const dispatch = createDispatcher({
    handlers: main.handlers,
    trustedOrigins: [serverUrl],
    log: (message, details) => rejected.push(`${message} ${JSON.stringify(details)}`),
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1360, height: 820 } });
  await context.exposeBinding('__switchboardInvoke', (source, channel: string, payload: unknown) =>
    dispatch(channel, source.frame.url(), payload),
  );
  // tsx (esbuild keepNames) wraps functions in __name(); functions serialized into the page need it.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  // What the preload does in Electron: one typed function per channel, and push subscriptions.
  await context.addInitScript((names: readonly string[]) => {
    type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
    const w = window as unknown as Record<string, unknown> & { __switchboardInvoke: Invoke };
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const bridge: Record<string, unknown> = {
      capabilities: { tray: true, badge: true, nativeNotifications: true, durableCache: true },
      on: (push: string, listener: (payload: unknown) => void) => {
        const set = listeners.get(push) ?? new Set();
        listeners.set(push, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    };
    for (const name of names) bridge[name] = (payload: unknown) => w.__switchboardInvoke(name, payload);
    w.switchboard = bridge;
    w.__switchboardPush = (push: string, payload: unknown) => {
      for (const listener of listeners.get(push) ?? []) listener(payload);
    };
  }, channelNames);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${serverUrl}/app/`);
  return { ...main, page, context, rejected, errors };
}
