import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  BADGE_MAX,
  badgeIcon,
  FAVICON,
  ICONS_DIR,
  MANIFEST_ICONS,
  TRAY_STATUSES,
  trayIcon,
  WINDOW_ICON,
} from '../src/shared/app-icons.js';

const DESKTOP = path.join(import.meta.dirname, '..');
const PUBLIC = path.join(DESKTOP, 'src', 'renderer', 'public');
const ICONS = path.join(PUBLIC, ICONS_DIR);

const image = (file: string) => PNG.sync.read(readFileSync(file));
type Rgba = [number, number, number, number];
/** The pixel at (x, y) given as fractions of the image's size. */
function pixel(png: PNG, fx: number, fy: number): Rgba {
  const i = (Math.floor(fy * png.height) * png.width + Math.floor(fx * png.width)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0];
}
const isRed = ([r, g, b, a]: Rgba) => a > 200 && r > 200 && g < 120 && b < 120;
const isIndigo = ([r, g, b, a]: Rgba) => a > 200 && b > 180 && r < 130 && g < 130;
const STATUS_TEST: Record<string, (p: Rgba) => boolean> = {
  online: ([r, g, b]) => g > 150 && r < 80 && b < 160,
  away: ([r, g, b]) => r > 200 && g > 120 && b < 60,
  offline: ([r, g, b]) => Math.abs(r - g) < 20 && Math.abs(g - b) < 30 && r > 120 && r < 200,
};

describe('the names of the app images', () => {
  it('the tray shows the status, and a separate image while anything is unread', () => {
    expect(trayIcon('online', 0)).toBe('tray-online.png');
    expect(trayIcon('away', 3)).toBe('tray-away-unread.png');
    expect(new Set(TRAY_STATUSES.flatMap((s) => [trayIcon(s, 0), trayIcon(s, 1)])).size).toBe(6);
  });

  it('the taskbar badge counts to nine, then says 9+, and clears at zero', () => {
    expect(badgeIcon(0)).toBeNull();
    expect(badgeIcon(-1)).toBeNull();
    expect(badgeIcon(Number.NaN)).toBeNull();
    expect(badgeIcon(1)).toBe('badge-1.png');
    expect(badgeIcon(BADGE_MAX)).toBe(`badge-${BADGE_MAX}.png`);
    expect(badgeIcon(BADGE_MAX + 1)).toBe(`badge-${BADGE_MAX}plus.png`);
    expect(badgeIcon(1_000)).toBe(`badge-${BADGE_MAX}plus.png`);
  });
});

describe('the drawn images (scripts/render-icons.ts) show what their names say', () => {
  const smallImages = [
    ...TRAY_STATUSES.flatMap((s) => [trayIcon(s, 0), trayIcon(s, 1)]),
    ...Array.from({ length: BADGE_MAX + 1 }, (_, i) => badgeIcon(i + 1) as string),
  ];

  it.each(smallImages)('%s is 16 px, with a 32 px @2x beside it', (name) => {
    const one = image(path.join(ICONS, name));
    const two = image(path.join(ICONS, name.replace(/\.png$/, '@2x.png')));
    expect([one.width, one.height, two.width, two.height]).toEqual([16, 16, 32, 32]);
  });

  it.each(TRAY_STATUSES)(
    'the %s tray image has its status dot, and the unread one a red dot too',
    (status) => {
      for (const scale of ['', '@2x']) {
        const plain = image(path.join(ICONS, trayIcon(status, 0).replace('.png', `${scale}.png`)));
        const unread = image(path.join(ICONS, trayIcon(status, 1).replace('.png', `${scale}.png`)));
        for (const png of [plain, unread]) expect(STATUS_TEST[status]?.(pixel(png, 0.8, 0.8))).toBe(true);
        expect(isIndigo(pixel(plain, 0.8, 0.2))).toBe(true);
        expect(isRed(pixel(unread, 0.8, 0.2))).toBe(true);
        // The mark itself: a white bubble on the indigo tile.
        expect(pixel(plain, 0.35, 0.45).slice(0, 3)).toEqual([255, 255, 255]);
      }
    },
  );

  it('each taskbar badge is a red disc, and no two counts look the same', () => {
    const seen = new Set<string>();
    for (let count = 1; count <= BADGE_MAX + 1; count++) {
      const png = image(path.join(ICONS, badgeIcon(count) as string));
      expect(isRed(pixel(png, 0.5, 0.15)), `badge for ${count}`).toBe(true);
      expect(pixel(png, 0, 0)[3], 'corners are transparent').toBeLessThan(64);
      seen.add(png.data.toString('base64'));
    }
    expect(seen.size).toBe(BADGE_MAX + 1);
  });

  it('the installers’ icon (build/icon.png) is 1024 px, the window’s 256 px: the mark inside a transparent margin', () => {
    for (const [file, size] of [
      [path.join(DESKTOP, 'build', 'icon.png'), 1024],
      [path.join(ICONS, WINDOW_ICON), 256],
      ...Object.entries(MANIFEST_ICONS).map(([px, name]) => [path.join(ICONS, name), Number(px)] as const),
    ] as const) {
      const png = image(file);
      expect([png.width, png.height], file).toEqual([size, size]);
      expect(pixel(png, 0.02, 0.02)[3], file).toBe(0);
      expect(isIndigo(pixel(png, 0.5, 0.12)), file).toBe(true);
      expect(pixel(png, 0.3, 0.5).slice(0, 3), file).toEqual([255, 255, 255]);
    }
  });

  it('the favicons are SVG, the unread one with a red dot', () => {
    const read = readFileSync(path.join(ICONS, FAVICON.read), 'utf8');
    const unread = readFileSync(path.join(ICONS, FAVICON.unread), 'utf8');
    for (const svg of [read, unread]) expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(read).not.toContain('#ef4444');
    expect(unread).toContain('#ef4444');
  });

  it('the web app manifest lists icons that exist, at the sizes it says', () => {
    const manifest = JSON.parse(readFileSync(path.join(PUBLIC, 'manifest.webmanifest'), 'utf8')) as {
      icons: Array<{ src: string; sizes: string; type: string }>;
    };
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => icon.sizes).sort()).toEqual(['192x192', '512x512']);
    for (const icon of pngs) {
      const png = image(path.join(PUBLIC, icon.src));
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
    }
  });
});
