import { FAVICON, ICONS_DIR } from '../../shared/app-icons.js';

/**
 * The browser tab's unread badge: the count in the title ("(3) Switchboard") and a red dot on the
 * favicon, so a pinned or background tab shows it too.
 */
export function showUnreadInTab(unread: number, doc: Document = document): void {
  doc.title = unread > 0 ? `(${unread}) Switchboard` : 'Switchboard';
  const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  const href = `./${ICONS_DIR}/${unread > 0 ? FAVICON.unread : FAVICON.read}`;
  if (icon && icon.getAttribute('href') !== href) icon.setAttribute('href', href);
}
