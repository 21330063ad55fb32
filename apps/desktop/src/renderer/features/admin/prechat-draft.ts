import type { LocalizedText, PreChatField } from '@switchboard/protocol';

/**
 * A pre-chat field as the admin edits it: its label in English and Chinese, a select's options as
 * "value=label, …" in English and, by the same values, in Chinese.
 */
export interface FieldDraft {
  key: string;
  label: string;
  labelZh: string;
  type: PreChatField['type'];
  required: boolean;
  options: string;
  optionsZh: string;
}

export const EMPTY_FIELD: FieldDraft = {
  key: '',
  label: '',
  labelZh: '',
  type: 'text',
  required: false,
  options: '',
  optionsZh: '',
};

export function toDraft(field: PreChatField): FieldDraft {
  const options = field.options ?? [];
  return {
    key: field.key,
    label: field.label.en,
    labelZh: field.label['zh-CN'] ?? '',
    type: field.type,
    required: field.required,
    options: options.map((o) => `${o.value}=${o.label.en}`).join(', '),
    optionsZh: options
      .flatMap((o) => (o.label['zh-CN'] ? [`${o.value}=${o.label['zh-CN']}`] : []))
      .join(', '),
  };
}

/** The field to save; a Chinese text left empty is no Chinese text (the widget shows the English). */
export function fromDraft(draft: FieldDraft): PreChatField {
  const field: PreChatField = {
    key: draft.key.trim(),
    label: localized(draft.label, draft.labelZh),
    type: draft.type,
    required: draft.required,
  };
  if (draft.type === 'select') {
    const zh = new Map(pairs(draft.optionsZh));
    field.options = pairs(draft.options).map(([value, label]) => ({
      value,
      label: localized(label, zh.get(value) ?? ''),
    }));
  }
  return field;
}

function localized(en: string, zh: string): LocalizedText {
  return zh.trim() ? { en: en.trim(), 'zh-CN': zh.trim() } : { en: en.trim() };
}

/** "a=Apple, b" → [["a", "Apple"], ["b", "b"]]. */
function pairs(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const [value = o, label = value] = o.split('=').map((s) => s.trim());
      return [value, label];
    });
}
