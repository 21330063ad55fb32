import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run with apt); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
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

export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Keeps a screenshot as a test artifact in apps/widget/test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Selectors into the widget's (open) shadow root: Playwright's CSS engine pierces it. */
export const widget = {
  host: '[data-switchboard-widget]',
  launcher: '.sb-launcher',
  badge: '.sb-badge',
  panel: '.sb-panel',
  composer: '.sb-composer textarea',
  send: '.sb-composer button[type=submit]',
  log: '.sb-log',
  pending: '.sb-pending',
  typing: '.sb-typing',
  draftShared: '.sb-draft-shared',
};
