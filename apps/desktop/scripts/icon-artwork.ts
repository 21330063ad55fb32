/**
 * Switchboard's icon as SVG, in the sizes' two levels of detail: the full mark (a speech bubble
 * with a patch cord between two jacks) from 48 px up, the bubble alone below, where a cord would
 * be a smudge. Every image of the app is drawn from these parts (scripts/render-icons.ts).
 */
import type { TrayStatus } from '../src/shared/app-icons.js';

const INDIGO = { light: '#6366f1', base: '#4f46e5', dark: '#4338ca' };
const STATUS_COLOUR: Record<TrayStatus, string> = { online: '#10b981', away: '#f59e0b', offline: '#9ca3af' };
const UNREAD_RED = '#ef4444';

/** Everything is drawn on a 512 × 512 grid and scaled to the size asked for. */
const svg = (size: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512"><title>Switchboard</title>${body}</svg>`;

const tile = (inset: number) =>
  `<defs><linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">` +
  `<stop offset="0" stop-color="${INDIGO.light}"/><stop offset="1" stop-color="${INDIGO.dark}"/>` +
  `</linearGradient></defs>` +
  `<rect x="${inset}" y="${inset}" width="${512 - 2 * inset}" height="${512 - 2 * inset}" ` +
  `rx="${(512 - 2 * inset) * 0.23}" fill="url(#tile)"/>`;

const BUBBLE =
  '<path d="M152 128h208a56 56 0 0 1 56 56v112a56 56 0 0 1-56 56H248l-80 60v-60h-16a56 56 0 0 1-56-56V184a56 56 0 0 1 56-56z" fill="#fff"/>';

const CORD =
  `<path d="M200 226C240 306 272 174 312 254" stroke="${INDIGO.base}" stroke-width="20" fill="none" stroke-linecap="round"/>` +
  `<circle cx="200" cy="226" r="30" fill="${INDIGO.base}"/><circle cx="312" cy="254" r="30" fill="${INDIGO.base}"/>`;

/** A dot in a corner, ringed in white so it stands apart from the tile. */
const dot = (cx: number, cy: number, colour: string) =>
  `<circle cx="${cx}" cy="${cy}" r="118" fill="#fff"/><circle cx="${cx}" cy="${cy}" r="88" fill="${colour}"/>`;

/** The application icon (installers, docks, the manifest): the full mark on a tile with a margin. */
export function appIcon(size: number): string {
  return svg(size, tile(32) + BUBBLE + CORD);
}

/** The favicon: the small mark, with a red dot while something is unread. */
export function favicon(unread: boolean): string {
  return svg(32, tile(0) + BUBBLE + (unread ? dot(406, 106, UNREAD_RED) : ''));
}

/** The tray's mark: the small mark edge to edge, the status bottom right, unread top right. */
export function trayIcon(size: number, status: TrayStatus, unread: boolean): string {
  return svg(
    size,
    tile(0) + BUBBLE + dot(406, 406, STATUS_COLOUR[status]) + (unread ? dot(406, 106, UNREAD_RED) : ''),
  );
}

/** Windows' taskbar overlay: a red disc with the count in white ("9+" above nine). */
export function badgeIcon(size: number, label: string): string {
  const fontSize = label.length > 1 ? 300 : 380;
  return svg(
    size,
    `<circle cx="256" cy="256" r="248" fill="${UNREAD_RED}"/>` +
      `<text x="256" y="256" dy="0.36em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" ` +
      `font-weight="bold" font-size="${fontSize}" fill="#fff">${label}</text>`,
  );
}
