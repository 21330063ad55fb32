import { el, svgIcon } from '../shared/dom.js';

const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

export interface Launcher {
  button: HTMLButtonElement;
  setOpen(open: boolean): void;
  setUnread(count: number): void;
}

/** The round button that opens the chat, with its unread badge. */
export function createLauncher(labels: { open: string; close: string; unread: string }): Launcher {
  const icon = svgIcon(CHAT_ICON);
  const path = icon.firstChild as SVGPathElement;
  const badge = el('span', { class: 'sb-badge', 'aria-hidden': 'true', hidden: true });
  const button = el(
    'button',
    { type: 'button', class: 'sb-launcher', 'aria-expanded': 'false' },
    icon,
    badge,
  );
  let open = false;
  let unread = 0;
  const label = () => {
    const base = open ? labels.close : labels.open;
    button.setAttribute(
      'aria-label',
      unread > 0 ? `${base} (${labels.unread.replace('{n}', String(unread))})` : base,
    );
  };
  label();
  return {
    button,
    setOpen(value) {
      open = value;
      path.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
      button.setAttribute('aria-expanded', String(open));
      label();
    },
    setUnread(count) {
      unread = count;
      badge.textContent = count > 99 ? '99+' : String(count);
      badge.hidden = count === 0;
      label();
    },
  };
}
