import type { ChatModule } from '../shared/host.js';

let loading: Promise<ChatModule> | undefined;

/** Loads chat.js once (a classic script, so it works cross-origin without CORS) and hands back its module. */
export function loadChatModule(serverUrl: string): Promise<ChatModule> {
  loading ??= new Promise<ChatModule>((resolve, reject) => {
    if (window.SwitchboardChat) {
      resolve(window.SwitchboardChat);
      return;
    }
    const script = document.createElement('script');
    script.src = `${serverUrl}/widget/chat.js`;
    script.async = true;
    script.onload = () =>
      window.SwitchboardChat
        ? resolve(window.SwitchboardChat)
        : reject(new Error('chat.js did not register'));
    script.onerror = () => {
      loading = undefined; // a later open() tries again
      reject(new Error('chat.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}
