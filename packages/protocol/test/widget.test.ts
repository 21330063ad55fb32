import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WIDGET_SETTINGS,
  LeaveMessageRequest,
  OfflineMessageRequest,
  PreChatField,
  RatingRequest,
  TeamRoutingSettings,
  WidgetSettings,
} from '../src/index.js';

describe('widget settings', () => {
  it('accept the defaults and refuse a color that is not #rrggbb (it ends up in CSS)', () => {
    expect(WidgetSettings.parse(DEFAULT_WIDGET_SETTINGS)).toEqual(DEFAULT_WIDGET_SETTINGS);
    for (const primaryColor of ['red', '#fff', '#12345g', '#123456;background:url(x)']) {
      expect(WidgetSettings.safeParse({ ...DEFAULT_WIDGET_SETTINGS, primaryColor }).success).toBe(false);
    }
  });

  it('need options exactly for select fields, safe keys, and unique keys', () => {
    const text = { key: 'name', label: { en: 'Name' }, type: 'text', required: true } as const;
    expect(PreChatField.safeParse(text).success).toBe(true);
    expect(PreChatField.safeParse({ ...text, type: 'select' }).success).toBe(false);
    expect(PreChatField.safeParse({ ...text, options: [{ value: 'a', label: { en: 'A' } }] }).success).toBe(
      false,
    );
    expect(PreChatField.safeParse({ ...text, key: '__proto__' }).success).toBe(false);
    expect(
      WidgetSettings.safeParse({ ...DEFAULT_WIDGET_SETTINGS, preChatFields: [text, text] }).success,
    ).toBe(false);
  });
});

describe('widget requests', () => {
  it('rate 1 to 5 with an optional comment, nothing else', () => {
    expect(RatingRequest.parse({ score: 5, comment: '  great ' })).toEqual({ score: 5, comment: 'great' });
    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: 5, extra: 1 }]) {
      expect(RatingRequest.safeParse(body).success).toBe(false);
    }
  });

  it('leave an offline message with an email and a non-blank body', () => {
    const base = {
      clientMsgId: '6e0f4a1c-3b2d-4c5e-8f70-9a1b2c3d4e5f',
      body: 'Call me',
      email: 'a@example.com',
    };
    expect(OfflineMessageRequest.safeParse(base).success).toBe(true);
    expect(OfflineMessageRequest.safeParse({ ...base, body: '   ' }).success).toBe(false);
    expect(OfflineMessageRequest.safeParse({ ...base, email: 'nope' }).success).toBe(false);
  });

  it('leave the queue with an email and an optional name, nothing else', () => {
    expect(LeaveMessageRequest.parse({ email: 'a@example.com', name: ' Grace ' })).toEqual({
      email: 'a@example.com',
      name: 'Grace',
    });
    for (const body of [
      {},
      { email: 'nope' },
      { email: 'a@example.com', name: '  ' },
      { email: 'a@example.com', body: 'x' },
    ]) {
      expect(LeaveMessageRequest.safeParse(body).success).toBe(false);
    }
  });
});

describe('maximum queue time', () => {
  const settings = {
    mode: 'auto',
    offerTimeoutSeconds: 30,
    wrapUpSeconds: 0,
    unansweredSeconds: 0,
    affinityHours: 0,
    agingSeconds: 120,
    businessHours: null,
    botEnabled: false,
  };

  it('is off (0) when a client that predates it leaves it out, and at most a day', () => {
    expect(TeamRoutingSettings.parse(settings).maxQueueSeconds).toBe(0);
    expect(TeamRoutingSettings.parse({ ...settings, maxQueueSeconds: 600 }).maxQueueSeconds).toBe(600);
    for (const maxQueueSeconds of [-1, 1.5, 86_401]) {
      expect(TeamRoutingSettings.safeParse({ ...settings, maxQueueSeconds }).success).toBe(false);
    }
  });
});
