import { el, svgIcon } from '../../shared/dom.js';

const DOWNLOAD_ICON = 'M11 4h2v8.2l3.3-3.3 1.4 1.4L12 16 6.3 10.3l1.4-1.4 3.3 3.3zM5 18h14v2H5z';
const CLOSE_ICON =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

import type { Strings } from '../i18n.js';

export interface PanelParts {
  panel: HTMLElement;
  avatar: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  transcriptButton: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  connectionBanner: HTMLElement;
  queueBanner: HTMLElement;
  queueText: HTMLElement;
  /** "Leave a message instead", under the place in the queue. */
  leaveQueueButton: HTMLButtonElement;
  body: HTMLElement;
  /** Confirmed messages, in seq order. */
  log: HTMLElement;
  /** The visitor's unacknowledged messages, below the log. */
  pending: HTMLElement;
  typing: HTMLElement;
  footer: HTMLElement;
}

/** The panel's frame: header, banners, the message area and an empty footer the views fill. */
export function createPanel(t: Strings, title: string): PanelParts {
  const avatar = el('div', { class: 'sb-avatar', 'aria-hidden': 'true' }, title.slice(0, 1).toUpperCase());
  const titleEl = el('div', { class: 'sb-title', id: 'sb-title' }, title);
  const subtitle = el('div', { class: 'sb-subtitle' });
  const transcriptButton = el(
    'button',
    { type: 'button', class: 'sb-icon', 'aria-label': t.transcript, title: t.transcript, hidden: true },
    svgIcon(DOWNLOAD_ICON),
  );
  const closeButton = el(
    'button',
    { type: 'button', class: 'sb-icon', 'aria-label': t.close, title: t.close },
    svgIcon(CLOSE_ICON),
  );
  const connectionBanner = el('div', { class: 'sb-banner', role: 'status', hidden: true });
  // Only the position is live: the button inside would be re-announced with every update.
  const queueText = el('span', { role: 'status' });
  const leaveQueueButton = el('button', { type: 'button', class: 'sb-link' }, t.leaveQueue);
  const queueBanner = el('div', { class: 'sb-banner sb-info', hidden: true }, queueText, leaveQueueButton);
  // role=log is polite by default; aria-live is explicit for screen readers that ignore the role.
  const log = el('div', { class: 'sb-log', role: 'log', 'aria-live': 'polite', 'aria-label': t.messages });
  const pending = el('div', { class: 'sb-pending', 'aria-live': 'polite' });
  const typing = el('div', { class: 'sb-typing', 'aria-live': 'polite' });
  const body = el('div', { class: 'sb-body' }, log, pending, typing);
  const footer = el('div', { class: 'sb-footer' });
  const panel = el(
    'div',
    { class: 'sb-panel', role: 'dialog', 'aria-labelledby': 'sb-title', hidden: true },
    el(
      'div',
      { class: 'sb-header' },
      avatar,
      el('div', { class: 'sb-titles' }, titleEl, subtitle),
      transcriptButton,
      closeButton,
    ),
    connectionBanner,
    queueBanner,
    body,
    footer,
  );
  return {
    panel,
    avatar,
    title: titleEl,
    subtitle,
    transcriptButton,
    closeButton,
    connectionBanner,
    queueBanner,
    queueText,
    leaveQueueButton,
    body,
    log,
    pending,
    typing,
    footer,
  };
}
