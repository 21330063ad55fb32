import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createDispatcher, type Dispatch } from '../../src/main/ipc-dispatch.js';
import { channelNames } from '../../src/shared/bridge.js';
import { mainServices } from './fakes.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const VIEWPORT = { width: 1360, height: 820 };

/**
 * How a page reaches main's handlers. Tests use Playwright's binding. Benchmarks use a POST to the
 * benchmark's own server (bench/static-server.ts): the binding costs a page's first call a script
 * compile and CDP round trips, 50-85 ms here, where Electron's IPC costs about a millisecond, so a
 * local HTTP round trip is the nearer stand-in.
 */
export type HostTransport = 'binding' | 'http';

/** Where the `http` transport posts a bridge call: `${BRIDGE_PATH}/${channel}`. */
export const BRIDGE_PATH = '/__bridge';

/** Main's dispatcher over `main`'s handlers, trusting pages of `serverUrl`; rejections go to `log`. */
export function workbenchDispatcher(
  main: ReturnType<typeof mainServices>,
  serverUrl: string,
  log: (line: string) => void,
): Dispatch {
  return createDispatcher({
    handlers: main.handlers,
    trustedOrigins: [serverUrl],
    log: (message, details) => log(`${message} ${JSON.stringify(details)}`),
  });
}

/**
 * Binds `window.switchboard` in every page of `context` to the SAME main-process handler map as
 * Electron's (real services on a real cache file), through the same dispatcher and its origin
 * check. Only Electron's own APIs are the recording fakes in `host`.
 */
export async function bindWorkbenchHost(
  context: BrowserContext,
  serverUrl: string,
  main: ReturnType<typeof mainServices>,
  options: { initScript?: () => void; transport?: HostTransport } = {},
): Promise<{ rejected: string[] }> {
  const rejected: string[] = [];
  const transport = options.transport ?? 'binding';
  if (transport === 'binding') {
    const dispatch = workbenchDispatcher(main, serverUrl, (line) => rejected.push(line));
    await context.exposeBinding('__switchboardInvoke', (source, channel: string, payload: unknown) =>
      dispatch(channel, source.frame.url(), payload),
    );
  }
  // tsx (esbuild keepNames) wraps functions in __name(); functions serialized into the page need it.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  // What the preload does in Electron: one typed function per channel, and push subscriptions.
  await context.addInitScript(
    ({ names, transport, bridgePath }) => {
      type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
      const w = window as unknown as Record<string, unknown> & { __switchboardInvoke: Invoke };
      const overHttp: Invoke = async (channel, payload) => {
        const response = await fetch(`${bridgePath}/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload ?? null),
        });
        if (!response.ok) throw new Error('The bridge call was rejected.');
        return ((await response.json()) as { value: unknown }).value;
      };
      const invoke: Invoke = transport === 'http' ? overHttp : (c, p) => w.__switchboardInvoke(c, p);
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const bridge: Record<string, unknown> = {
        capabilities: { tray: true, badge: true, webNotifications: false, durableCache: true },
        on: (push: string, listener: (payload: unknown) => void) => {
          const set = listeners.get(push) ?? new Set();
          listeners.set(push, set);
          set.add(listener);
          return () => set.delete(listener);
        },
      };
      for (const name of names) bridge[name] = (payload: unknown) => invoke(name, payload);
      w.switchboard = bridge;
      w.__switchboardPush = (push: string, payload: unknown) => {
        for (const listener of listeners.get(push) ?? []) listener(payload);
      };
    },
    { names: channelNames, transport, bridgePath: BRIDGE_PATH },
  );
  if (options.initScript) await context.addInitScript(options.initScript);
  return { rejected };
}

/** A fresh browser context with the host bound, on the workbench at `serverUrl`/app/. */
export async function openWorkbench(
  browser: Browser,
  serverUrl: string,
  dataDir: string,
  options: { main?: ReturnType<typeof mainServices>; initScript?: () => void } = {},
) {
  const main = options.main ?? mainServices(dataDir);
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
  const { rejected } = await bindWorkbenchHost(context, serverUrl, main, options);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A push or ack the page could not read through the protocol (api/server-input.ts) is a failure.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Dropped a server'))
      errors.push(message.text());
  });
  await page.goto(`${serverUrl}/app/`);
  return { ...main, page, context, rejected, errors };
}
