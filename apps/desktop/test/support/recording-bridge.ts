/**
 * `window.switchboard` for renderer modules run in Node: every bridge call is recorded and answered
 * with `{}`. Import it before the modules under test (they read the bridge when they load).
 */
export const bridgeCalls: Array<{ channel: string; payload: unknown }> = [];

const switchboard = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === 'capabilities')
        return { tray: false, badge: false, webNotifications: false, durableCache: false };
      if (name === 'on') return () => () => {};
      return async (payload: unknown) => {
        bridgeCalls.push({ channel: String(name), payload });
        return {};
      };
    },
  },
);

(globalThis as { window?: unknown }).window = { switchboard };
