import type { PreChatField } from '@switchboard/protocol';
import { PreChatField as PreChatFieldSchema } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD, fromDraft, toDraft } from '../src/renderer/features/admin/prechat-draft.js';

const topic: PreChatField = {
  key: 'topic',
  label: { en: 'Topic', 'zh-CN': '主题' },
  type: 'select',
  required: true,
  options: [
    { value: 'billing', label: { en: 'Billing', 'zh-CN': '账单' } },
    { value: 'other', label: { en: 'Something else' } },
  ],
};

describe('a pre-chat field as the admin edits it', () => {
  it('keeps both languages of the label and of each option through an edit', () => {
    const draft = toDraft(topic);
    expect(draft).toMatchObject({
      label: 'Topic',
      labelZh: '主题',
      options: 'billing=Billing, other=Something else',
      optionsZh: 'billing=账单',
    });
    expect(fromDraft(draft)).toEqual(topic);
  });

  it('adds and removes the Chinese texts as typed, matching options by value', () => {
    const edited = fromDraft({
      ...toDraft(topic),
      labelZh: '  ',
      options: 'billing=Billing, other=Something else, shipping',
      optionsZh: 'shipping=配送, unknown=未知',
    });
    expect(edited.label).toEqual({ en: 'Topic' });
    expect(edited.options).toEqual([
      { value: 'billing', label: { en: 'Billing' } },
      { value: 'other', label: { en: 'Something else' } },
      { value: 'shipping', label: { en: 'shipping', 'zh-CN': '配送' } },
    ]);
    expect(PreChatFieldSchema.safeParse(edited).success).toBe(true);
  });

  it('gives a field that is not a select no options, whatever the option boxes hold', () => {
    const field = fromDraft({
      ...EMPTY_FIELD,
      key: ' company ',
      label: 'Company',
      type: 'text',
      options: 'a=b',
    });
    expect(field).toEqual({ key: 'company', label: { en: 'Company' }, type: 'text', required: false });
  });
});
