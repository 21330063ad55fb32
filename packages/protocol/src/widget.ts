import { z } from 'zod';
import { Id, SafeKey } from './primitives.js';
import { PageTracking } from './visited-page.js';

/** The widget's interface languages. */
export const WidgetLocale = z.enum(['en', 'zh-CN']);
export type WidgetLocale = z.infer<typeof WidgetLocale>;

/** A text an admin writes once per language; `en` is the fallback for any missing language. */
export const LocalizedText = z.strictObject({
  en: z.string().min(1).max(500),
  'zh-CN': z.string().min(1).max(500).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const PreChatFieldType = z.enum(['text', 'email', 'select', 'textarea']);
export type PreChatFieldType = z.infer<typeof PreChatFieldType>;

/**
 * One question of the pre-chat form. The keys `name` and `email` fill the visitor's name and
 * email; any other key becomes a custom attribute of the conversation (`attributes.custom[key]`).
 */
export const PreChatField = z
  .strictObject({
    key: SafeKey,
    label: LocalizedText,
    type: PreChatFieldType,
    required: z.boolean(),
    /** The choices of a `select` field. */
    options: z
      .array(z.strictObject({ value: z.string().min(1).max(100), label: LocalizedText }))
      .min(1)
      .max(50)
      .optional(),
  })
  .refine((field) => (field.type === 'select') === (field.options !== undefined), {
    message: 'a select field has options; other fields have none',
  });
export type PreChatField = z.infer<typeof PreChatField>;

/** How a widget looks and behaves, set by an admin. */
export const WidgetSettings = z.strictObject({
  /** `#rrggbb`: the launcher, the header and the visitor's bubbles. */
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb color'),
  position: z.enum(['left', 'right']),
  greeting: LocalizedText,
  /** Used when neither the site nor the browser asks for a supported language. */
  defaultLocale: WidgetLocale,
  preChatFields: z
    .array(PreChatField)
    .max(10)
    .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'field keys are unique'),
  /** Visitors may download a text transcript of their conversation. */
  transcriptEnabled: z.boolean(),
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  primaryColor: '#2563eb',
  position: 'right',
  greeting: { en: 'Hi! How can we help you today?', 'zh-CN': '您好！有什么可以帮您？' },
  defaultLocale: 'en',
  preChatFields: [],
  transcriptEnabled: true,
};

/** What the widget loads before drawing anything: its settings and whether anyone can answer now. */
export const WidgetConfig = z.object({
  widgetId: Id,
  settings: WidgetSettings,
  /** Someone can serve a chat now; when false the widget offers the offline-message form. */
  online: z.boolean(),
  /** Whether the widget reports the pages its visitor goes to (`page:view`). Absent from older servers. */
  pageTracking: PageTracking.default('full'),
  /**
   * Whether the widget sends the visitor's draft as they type (`VisitorTypingSet.preview`), and
   * tells them so. Absent from older servers.
   */
  typingPreview: z.boolean().default(false),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;
