import { describe, expect, it } from 'vitest';
import {
  isMac,
  type KeyPress,
  keysOf,
  SHORTCUT_ORDER,
  shortcutOf,
} from '../src/renderer/features/shortcuts/keymap.js';
import { longestWaiting, neighbourIn } from '../src/renderer/features/shortcuts/navigation.js';
import { newRow } from '../src/shared/new-row.js';
import { conversation } from './support/fakes.js';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the keymap', () => {
  it('reads Ctrl or Cmd the same for the tab and window keys', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(shortcutOf(press('k', 'KeyK', mod))).toEqual({ id: 'search' });
      expect(shortcutOf(press('/', 'Slash', mod))).toEqual({ id: 'help' });
      expect(shortcutOf(press('w', 'KeyW', mod))).toEqual({ id: 'tab-close' });
      expect(shortcutOf(press('Tab', 'Tab', mod))).toEqual({ id: 'tab-next' });
      expect(shortcutOf(press('Tab', 'Tab', { ...mod, shiftKey: true }))).toEqual({ id: 'tab-previous' });
      expect(shortcutOf(press('3', 'Digit3', mod))).toEqual({ id: 'tab-index', index: 2 });
    }
  });

  it('goes by the physical key, so a layout or macOS Option does not change a shortcut', () => {
    // AZERTY: Ctrl+1 is the key that types "&"; macOS: Option+A types "å".
    expect(shortcutOf(press('&', 'Digit1', { ctrlKey: true }))).toEqual({ id: 'tab-index', index: 0 });
    expect(shortcutOf(press('9', 'Numpad9', { ctrlKey: true }))).toEqual({ id: 'tab-index', index: 8 });
    expect(shortcutOf(press('å', 'KeyA', { altKey: true }))).toEqual({ id: 'accept-offer' });
  });

  it('moves through the lists with Alt and the arrows', () => {
    expect(shortcutOf(press('ArrowDown', 'ArrowDown', { altKey: true }))).toEqual({ id: 'list-next' });
    expect(shortcutOf(press('ArrowUp', 'ArrowUp', { altKey: true }))).toEqual({ id: 'list-previous' });
    expect(shortcutOf(press('ArrowDown', 'ArrowDown', { altKey: true, shiftKey: true }))).toEqual({
      id: 'next-waiting',
    });
  });

  it('acts on the offer and the open chat with Alt and a letter', () => {
    expect(shortcutOf(press('d', 'KeyD', { altKey: true }))).toEqual({ id: 'decline-offer' });
    expect(shortcutOf(press('t', 'KeyT', { altKey: true }))).toEqual({ id: 'transfer' });
    // macOS: Option+R types "®".
    expect(shortcutOf(press('®', 'KeyR', { altKey: true }))).toEqual({ id: 'resolve' });
  });

  it('leaves every other key alone: typing, plain arrows, Ctrl+0, Ctrl+Alt combinations, AltGr', () => {
    for (const other of [
      press('k', 'KeyK'),
      press('a', 'KeyA'),
      press('ArrowDown', 'ArrowDown'),
      press('0', 'Digit0', { ctrlKey: true }),
      press('c', 'KeyC', { ctrlKey: true }),
      press('k', 'KeyK', { ctrlKey: true, shiftKey: true }),
      // AltGr arrives as Ctrl+Alt on Windows: "@" on a German keyboard is AltGr+Q.
      press('@', 'KeyQ', { ctrlKey: true, altKey: true }),
      press('a', 'KeyA', { ctrlKey: true, altKey: true }),
      press('ArrowUp', 'ArrowUp', { altKey: true, shiftKey: true }),
      press('R', 'KeyR', { altKey: true, shiftKey: true }),
    ]) {
      expect(shortcutOf(other)).toBeNull();
    }
  });

  it("names each shortcut's keys as the computer does", () => {
    expect(keysOf('search', false)).toEqual(['Ctrl', 'K']);
    expect(keysOf('search', true)).toEqual(['⌘', 'K']);
    expect(keysOf('next-waiting', true)).toEqual(['⌥', 'Shift', '↓']);
    expect(new Set(SHORTCUT_ORDER.map((id) => keysOf(id, false).join('+'))).size).toBe(SHORTCUT_ORDER.length);
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Win32')).toBe(false);
    expect(isMac('Linux x86_64')).toBe(false);
  });
});

describe('moving between chats', () => {
  it('steps to the next or previous conversation of the list, from outside it to its ends', () => {
    const list = ['a', 'b', 'c'];
    expect(neighbourIn(list, 'a', 1)).toBe('b');
    expect(neighbourIn(list, 'b', -1)).toBe('a');
    expect(neighbourIn(list, 'c', 1)).toBe('c');
    expect(neighbourIn(list, 'a', -1)).toBe('a');
    expect(neighbourIn(list, null, 1)).toBe('a');
    expect(neighbourIn(list, 'elsewhere', -1)).toBe('c');
    expect(neighbourIn([], 'a', 1)).toBeNull();
  });

  it('finds the chat waiting longest for a reply, other than the one open', () => {
    const waiting = (id: string, since: string | null) => ({
      ...newRow(conversation({ id, status: 'assigned' })),
      awaitingReplySince: since,
    });
    const items = [
      waiting('recent', '2026-12-05T10:05:00Z'),
      waiting('oldest', '2026-12-05T10:00:00Z'),
      waiting('answered', null),
      waiting('middle', '2026-12-05T10:02:00Z'),
    ];
    expect(longestWaiting(items, null)).toBe('oldest');
    expect(longestWaiting(items, 'oldest')).toBe('middle');
    expect(longestWaiting([items[2] as (typeof items)[number]], null)).toBeNull();
    expect(longestWaiting([items[1] as (typeof items)[number]], 'oldest')).toBeNull();
  });
});
