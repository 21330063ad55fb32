import type { WidgetConfig } from '@switchboard/protocol';
import { isWidgetConfig } from '../shared/config-guard.js';
import { adoptStyles, el } from '../shared/dom.js';
import type { ChatApi, CustomAttributes, VisitorUser } from '../shared/host.js';
import { chooseLocale } from '../shared/locale.js';
import { safeStorage, storageKeys } from '../shared/storage-keys.js';
import { installApi } from './api.js';
import { loadChatModule } from './chat-script.js';
import { createLauncher, type Launcher } from './launcher.js';
import { loaderCss } from './styles.js';

const LABELS = {
  en: { open: 'Open chat', close: 'Close chat', unread: '{n} unread' },
  'zh-CN': { open: '打开聊天', close: '关闭聊天', unread: '{n} 条未读' },
};

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.widget) return current;
  return document.querySelector<HTMLScriptElement>('script[data-widget][src*="widget.js"]');
}

async function fetchConfig(serverUrl: string, widgetId: string): Promise<WidgetConfig> {
  const response = await fetch(`${serverUrl}/api/widgets/${encodeURIComponent(widgetId)}/config`, {
    credentials: 'omit',
  });
  const result: unknown = await response.json();
  const data = (result as { ok?: boolean; data?: unknown }).data;
  if (!isWidgetConfig(data)) throw new Error(`widget config refused (HTTP ${response.status})`);
  return data;
}

function start(): void {
  const script = ownScript();
  const widgetId = script?.dataset.widget;
  if (!script || !widgetId) {
    console.warn('Switchboard: add data-widget="<widget id>" to the widget.js script tag.');
    return;
  }
  const serverUrl = new URL(script.src, window.location.href).origin;
  let siteLocale = script.dataset.locale;
  // An explicit choice of the site wins, then the browser's languages, then the page's language.
  const languages = () => [...navigator.languages, document.documentElement.lang];
  let user: VisitorUser | undefined;
  let attributes: CustomAttributes = {};
  let config: WidgetConfig | undefined;
  let launcher: Launcher | undefined;
  let chat: ChatApi | undefined;
  let isOpen = false;

  const hostElement = el('div', { 'data-switchboard-widget': '', 'data-state': 'loading' });
  const root = hostElement.attachShadow({ mode: 'open' });
  adoptStyles(root, loaderCss);
  const container = el('div', { class: 'sb-root' });
  root.append(container);
  (document.body ?? document.documentElement).append(hostElement);

  const mountChat = async (): Promise<ChatApi> => {
    if (chat) return chat;
    const module = await loadChatModule(serverUrl);
    if (chat) return chat;
    if (!config || !launcher) throw new Error('not configured');
    const mountedLauncher = launcher;
    chat = module.mount({
      serverUrl,
      widgetId,
      config,
      locale: chooseLocale(siteLocale, languages(), config.settings.defaultLocale),
      root,
      launcher: mountedLauncher.button,
      user: () => user,
      attributes: () => attributes,
      setUnread: (count) => mountedLauncher.setUnread(count),
      emitMessage: (message) => events.emit('message', message),
      requestClose: () => close(),
    });
    return chat;
  };

  const open = (): void => {
    isOpen = true;
    if (!launcher) return; // opened once the config has arrived
    container.classList.add('sb-open');
    launcher.setOpen(true);
    events.emit('open');
    mountChat().then(
      (mounted) => isOpen && mounted.open(),
      (error: unknown) => console.error('Switchboard: the chat could not be loaded.', error),
    );
  };

  const close = (): void => {
    if (!isOpen) return;
    isOpen = false;
    // The launcher is shown again first (hidden under a full-screen panel), so focus can return to it.
    container.classList.remove('sb-open');
    launcher?.setOpen(false);
    chat?.close();
    events.emit('close');
  };

  const events = installApi({
    open,
    close,
    setUser(next) {
      if (typeof next?.userId !== 'string' || typeof next.signature !== 'string') {
        console.warn('Switchboard.setUser needs { userId, signature }.');
        return;
      }
      user = next;
      chat?.userChanged();
    },
    setAttributes(next) {
      attributes = { ...attributes, ...next };
    },
    setLocale(locale) {
      siteLocale = String(locale);
    },
  });

  fetchConfig(serverUrl, widgetId).then(
    (loaded) => {
      config = loaded;
      const locale = chooseLocale(siteLocale, languages(), loaded.settings.defaultLocale);
      container.style.setProperty('--sb-color', loaded.settings.primaryColor);
      container.classList.add(loaded.settings.position === 'left' ? 'sb-left' : 'sb-right');
      launcher = createLauncher(LABELS[locale]);
      launcher.button.addEventListener('click', () => (isOpen ? close() : open()));
      container.append(launcher.button);
      hostElement.setAttribute('data-state', 'ready');
      // A conversation in progress (this tab or another) keeps receiving, so the badge can count.
      if (isOpen) open();
      else if (safeStorage.get(storageKeys.conversation(widgetId))) void mountChat().catch(() => undefined);
    },
    (error: unknown) => {
      hostElement.setAttribute('data-state', 'unavailable');
      console.warn('Switchboard: the chat is not available on this page.', error);
    },
  );
}

start();
