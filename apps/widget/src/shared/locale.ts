import type { WidgetLocale } from '@switchboard/protocol';

/** Maps a BCP 47 tag to a supported language: any Chinese to zh-CN, any English to en. */
export function supportedLocale(tag: string | null | undefined): WidgetLocale | undefined {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return undefined;
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** The site's choice first (data-locale or setLocale), then the browser's languages, then the widget's default. */
export function chooseLocale(
  site: string | null | undefined,
  browser: readonly string[],
  fallback: WidgetLocale,
): WidgetLocale {
  const fromSite = supportedLocale(site);
  if (fromSite) return fromSite;
  for (const tag of browser) {
    const found = supportedLocale(tag);
    if (found) return found;
  }
  return fallback;
}

/** A localized admin text: the chosen language, else English. */
export function localized(text: { en: string; 'zh-CN'?: string | undefined }, locale: WidgetLocale): string {
  return (locale === 'zh-CN' ? text['zh-CN'] : undefined) ?? text.en;
}
