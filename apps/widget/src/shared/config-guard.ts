import type { WidgetConfig } from '@switchboard/protocol';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Hand check of the server's WidgetConfig (the protocol's zod schemas would outweigh the loader).
 * It checks what the widget relies on: the color ends up in CSS, so it must be exactly #rrggbb.
 */
export function isWidgetConfig(value: unknown): value is WidgetConfig {
  if (!isObject(value) || typeof value.widgetId !== 'string' || typeof value.online !== 'boolean')
    return false;
  // Absent from a server older than it (the widget then reports pages: only `off` stops it).
  if (value.pageTracking !== undefined && !['full', 'path', 'off'].includes(value.pageTracking as string))
    return false;
  if (value.typingPreview !== undefined && typeof value.typingPreview !== 'boolean') return false;
  const s = value.settings;
  return (
    isObject(s) &&
    typeof s.primaryColor === 'string' &&
    /^#[0-9a-fA-F]{6}$/.test(s.primaryColor) &&
    (s.position === 'left' || s.position === 'right') &&
    isObject(s.greeting) &&
    typeof s.greeting.en === 'string' &&
    (s.defaultLocale === 'en' || s.defaultLocale === 'zh-CN') &&
    Array.isArray(s.preChatFields) &&
    s.preChatFields.every((f) => isObject(f) && typeof f.key === 'string' && isObject(f.label)) &&
    typeof s.transcriptEnabled === 'boolean'
  );
}
