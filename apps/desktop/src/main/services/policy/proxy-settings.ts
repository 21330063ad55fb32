import type { EffectiveConfig } from './effective-config.js';

/** The fields of Electron's ProxyConfig we set (session.setProxy), without importing Electron. */
export interface ProxySettings {
  mode: 'system' | 'direct' | 'auto_detect' | 'pac_script' | 'fixed_servers';
  pacScript?: string;
  proxyRules?: string;
  proxyBypassRules?: string;
}

/** Policy's proxy for Chromium's network stack; `system` (the default) follows the OS (SECURITY D12). */
export function proxySettings(proxy: EffectiveConfig['proxy']): ProxySettings {
  switch (proxy.mode) {
    case 'pac_script':
      return proxy.pacUrl ? { mode: 'pac_script', pacScript: proxy.pacUrl } : { mode: 'system' };
    case 'fixed_servers':
      return proxy.rules
        ? {
            mode: 'fixed_servers',
            proxyRules: proxy.rules,
            ...(proxy.bypass ? { proxyBypassRules: proxy.bypass } : {}),
          }
        : { mode: 'system' };
    default:
      return { mode: proxy.mode };
  }
}
