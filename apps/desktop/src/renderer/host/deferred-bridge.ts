import type { SwitchboardBridge } from '../../shared/bridge.js';
import { browserCapabilities } from './browser-capabilities.js';

type Listener = (payload: never) => void;

/**
 * The browser bridge, loaded on its first call: it carries the channel schemas (zod), which the
 * first paint does not need. Calls and subscriptions made before it arrives wait for it.
 */
export function deferredBridge(
  load: (capabilities: SwitchboardBridge['capabilities']) => Promise<SwitchboardBridge>,
): SwitchboardBridge {
  // Known at once, and handed to the loaded bridge: the entry chunk keeps this module to itself.
  const capabilities = browserCapabilities();
  let loading: Promise<SwitchboardBridge> | null = null;
  const loaded = () => {
    loading ??= load(capabilities);
    return loading;
  };
  const on = (push: string, listener: Listener) => {
    let stop: (() => void) | null = null;
    let stopped = false;
    void loaded().then((bridge) => {
      if (stopped) return;
      stop = (bridge.on as (push: string, listener: Listener) => () => void)(push, listener);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  };
  return new Proxy({} as SwitchboardBridge, {
    get(_target, name) {
      if (name === 'capabilities') return capabilities;
      if (name === 'on') return on;
      if (typeof name !== 'string') return undefined;
      return (payload: unknown) =>
        loaded().then((bridge) =>
          (bridge[name as keyof SwitchboardBridge] as (p: unknown) => unknown)(payload),
        );
    },
  });
}
