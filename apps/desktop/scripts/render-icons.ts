/**
 * Draws every image of the app from scripts/icon-artwork.ts with Chromium and writes them where
 * they are used: `build/icon.png` (electron-builder makes the installers' .ico/.icns from it) and
 * `src/renderer/public/icons/` (the web build: the tray, the taskbar badge, the window icon, the
 * favicon, the manifest's icons). The images are committed; run this after changing the artwork:
 *
 *   npm run icons -w @switchboard/desktop
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  BADGE_MAX,
  badgeIcon,
  FAVICON,
  MANIFEST_ICONS,
  TRAY_STATUSES,
  trayIcon,
  WINDOW_ICON,
} from '../src/shared/app-icons.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/workbench-page.js';
import * as artwork from './icon-artwork.js';

const ROOT = path.join(import.meta.dirname, '..');
const ICONS = path.join(ROOT, 'src', 'renderer', 'public', 'icons');
const BUILD_ICON = path.join(ROOT, 'build', 'icon.png');
/** Tray and badge images at 100 % and, as `@2x`, 200 % scale. */
const SMALL = 16;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage();

async function png(file: string, size: number, svg: string): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  writeFileSync(
    file,
    await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
  );
}

async function smallPng(name: string, draw: (size: number) => string): Promise<void> {
  await png(path.join(ICONS, name), SMALL, draw(SMALL));
  await png(path.join(ICONS, name.replace(/\.png$/, '@2x.png')), 2 * SMALL, draw(2 * SMALL));
}

mkdirSync(ICONS, { recursive: true });
await png(BUILD_ICON, 1024, artwork.appIcon(1024));
await png(path.join(ICONS, WINDOW_ICON), 256, artwork.appIcon(256));
for (const [size, name] of Object.entries(MANIFEST_ICONS)) {
  await png(path.join(ICONS, name), Number(size), artwork.appIcon(Number(size)));
}
writeFileSync(path.join(ICONS, FAVICON.read), artwork.favicon(false));
writeFileSync(path.join(ICONS, FAVICON.unread), artwork.favicon(true));
for (const status of TRAY_STATUSES) {
  for (const unread of [0, 1]) {
    await smallPng(trayIcon(status, unread), (size) => artwork.trayIcon(size, status, unread > 0));
  }
}
for (let count = 1; count <= BADGE_MAX + 1; count++) {
  const name = badgeIcon(count);
  if (name)
    await smallPng(name, (size) =>
      artwork.badgeIcon(size, count > BADGE_MAX ? `${BADGE_MAX}+` : String(count)),
    );
}
await browser.close();
process.stdout.write(
  `Icons written to ${path.relative(process.cwd(), ICONS)} and ${path.relative(process.cwd(), BUILD_ICON)}\n`,
);
