import * as protocol from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { isWidgetConfig } from '../src/shared/config-guard.js';
import { chooseLocale, localized } from '../src/shared/locale.js';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  MESSAGE_BODY_MAX,
  PROTOCOL_VERSION,
} from '../src/shared/wire-constants.js';

describe('the widget’s copies of protocol values', () => {
  it('match the protocol', () => {
    expect(PROTOCOL_VERSION).toBe(protocol.PROTOCOL_VERSION);
    expect(ATTACHMENT_MAX_BYTES).toBe(protocol.ATTACHMENT_MAX_BYTES);
    expect([...ATTACHMENT_TYPES]).toEqual(protocol.AttachmentMimeType.options);
    expect(MESSAGE_BODY_MAX).toBe(protocol.MESSAGE_BODY_MAX);
  });

  it('accept every config the protocol accepts, and refuse a color that is not #rrggbb', () => {
    const config = {
      widgetId: '3f6d2a8e-5b1c-4e7a-9c2d-1a2b3c4d5e6f',
      settings: protocol.DEFAULT_WIDGET_SETTINGS,
      online: true,
      pageTracking: 'path',
      typingPreview: true,
    };
    expect(protocol.WidgetConfig.parse(config)).toEqual(config);
    expect(isWidgetConfig(config)).toBe(true);
    const injected = { ...config, settings: { ...config.settings, primaryColor: 'red;background:url(x)' } };
    expect(isWidgetConfig(injected)).toBe(false);
  });

  it('read page tracking as the protocol does: absent from an older server, a value it knows', () => {
    const { pageTracking: _absent, ...older } = {
      widgetId: '3f6d2a8e-5b1c-4e7a-9c2d-1a2b3c4d5e6f',
      settings: protocol.DEFAULT_WIDGET_SETTINGS,
      online: true,
      pageTracking: 'off',
    };
    expect(isWidgetConfig(older)).toBe(true);
    for (const pageTracking of protocol.PageTracking.options)
      expect(isWidgetConfig({ ...older, pageTracking }), pageTracking).toBe(true);
    const unknown = { ...older, pageTracking: 'everything' };
    expect(protocol.WidgetConfig.safeParse(unknown).success).toBe(false);
    expect(isWidgetConfig(unknown)).toBe(false);
  });

  it('read the typing preview as the protocol does: absent from an older server, else a boolean', () => {
    const older = {
      widgetId: '3f6d2a8e-5b1c-4e7a-9c2d-1a2b3c4d5e6f',
      settings: protocol.DEFAULT_WIDGET_SETTINGS,
      online: true,
    };
    expect(isWidgetConfig(older)).toBe(true);
    for (const typingPreview of [true, false]) expect(isWidgetConfig({ ...older, typingPreview })).toBe(true);
    const odd = { ...older, typingPreview: 'yes' };
    expect(protocol.WidgetConfig.safeParse(odd).success).toBe(false);
    expect(isWidgetConfig(odd)).toBe(false);
  });
});

describe('locale', () => {
  it('prefers the site, then the browser, then the widget default', () => {
    expect(chooseLocale('zh-Hans', ['en-US'], 'en')).toBe('zh-CN');
    expect(chooseLocale(undefined, ['de-DE', 'zh-TW'], 'en')).toBe('zh-CN');
    expect(chooseLocale('fr', ['de'], 'zh-CN')).toBe('zh-CN');
    expect(chooseLocale('', ['en-GB'], 'zh-CN')).toBe('en');
  });

  it('falls back to English for a text without the chosen language', () => {
    expect(localized({ en: 'Hello' }, 'zh-CN')).toBe('Hello');
    expect(localized({ en: 'Hello', 'zh-CN': '你好' }, 'zh-CN')).toBe('你好');
  });
});
