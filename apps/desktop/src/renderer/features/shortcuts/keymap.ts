/**
 * The workbench's keyboard shortcuts, as data: what a key press means, and how the help lists each
 * one. "Mod" is Ctrl, or Cmd on macOS (either is taken everywhere, as the tab keys always were).
 * Letters are matched by `code`, so a layout or macOS's Option (which turns Alt+A into "å") does
 * not change them.
 */
export type ShortcutId =
  | 'search'
  | 'list-next'
  | 'list-previous'
  | 'next-waiting'
  | 'accept-offer'
  | 'decline-offer'
  | 'transfer'
  | 'resolve'
  | 'tab-next'
  | 'tab-previous'
  | 'tab-index'
  | 'tab-close'
  | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** For `tab-index`: 0 for the first tab. */
  index?: number;
}

/** What a `KeyboardEvent` carries that the keymap reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The shortcut a key press is, or null for any other key. */
export function shortcutOf(press: KeyPress): Shortcut | null {
  const mod = press.ctrlKey || press.metaKey;
  if (mod && !press.altKey) {
    if (press.key === 'Tab') return { id: press.shiftKey ? 'tab-previous' : 'tab-next' };
    if (press.shiftKey) return null;
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(press.code)?.[1];
    if (digit) return { id: 'tab-index', index: Number(digit) - 1 };
    if (press.code === 'KeyW') return { id: 'tab-close' };
    if (press.code === 'KeyK') return { id: 'search' };
    if (press.code === 'Slash') return { id: 'help' };
    return null;
  }
  if (press.altKey && !mod) {
    if (press.key === 'ArrowDown') return { id: press.shiftKey ? 'next-waiting' : 'list-next' };
    if (press.key === 'ArrowUp' && !press.shiftKey) return { id: 'list-previous' };
    if (press.shiftKey) return null;
    if (press.code === 'KeyA') return { id: 'accept-offer' };
    if (press.code === 'KeyD') return { id: 'decline-offer' };
    if (press.code === 'KeyT') return { id: 'transfer' };
    if (press.code === 'KeyR') return { id: 'resolve' };
  }
  return null;
}

/** The keys of each shortcut as the help shows them; `mac` names Cmd and Option as macOS does. */
export function keysOf(id: ShortcutId, mac: boolean): string[] {
  const mod = mac ? '⌘' : 'Ctrl';
  const alt = mac ? '⌥' : 'Alt';
  switch (id) {
    case 'search':
      return [mod, 'K'];
    case 'list-next':
      return [alt, '↓'];
    case 'list-previous':
      return [alt, '↑'];
    case 'next-waiting':
      return [alt, 'Shift', '↓'];
    case 'accept-offer':
      return [alt, 'A'];
    case 'decline-offer':
      return [alt, 'D'];
    case 'transfer':
      return [alt, 'T'];
    case 'resolve':
      return [alt, 'R'];
    case 'tab-next':
      return [mod, 'Tab'];
    case 'tab-previous':
      return [mod, 'Shift', 'Tab'];
    case 'tab-index':
      return [mod, '1…9'];
    case 'tab-close':
      return [mod, 'W'];
    case 'help':
      return [mod, '/'];
  }
}

/** The help's order: finding and moving between chats, acting on one, then tabs, then this list. */
export const SHORTCUT_ORDER: readonly ShortcutId[] = [
  'search',
  'list-next',
  'list-previous',
  'next-waiting',
  'accept-offer',
  'decline-offer',
  'transfer',
  'resolve',
  'tab-next',
  'tab-previous',
  'tab-index',
  'tab-close',
  'help',
];

/** Whether this is a Mac, for how the help names the keys. */
export function isMac(platform = globalThis.navigator?.platform ?? ''): boolean {
  return /^Mac/i.test(platform);
}
