import { load } from 'js-yaml';

/** The generic feed URL electron-builder wrote into resources/app-update.yml, if any. */
export function buildFeedUrl(appUpdateYml: string | null): string | null {
  if (appUpdateYml === null) return null;
  try {
    const parsed = load(appUpdateYml) as { provider?: unknown; url?: unknown } | null;
    return parsed?.provider === 'generic' && typeof parsed.url === 'string' ? parsed.url : null;
  } catch {
    return null;
  }
}
