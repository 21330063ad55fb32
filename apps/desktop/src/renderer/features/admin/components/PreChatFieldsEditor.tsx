import type { PreChatField } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../i18n/en.js';
import { EMPTY_FIELD, type FieldDraft } from '../prechat-draft.js';
import { inputClass, secondaryButton, smallButton } from './ui.js';

const TYPES: readonly PreChatField['type'][] = ['text', 'email', 'select', 'textarea'];
/** A field's row and its options' row share columns: the options sit under the labels. */
const fieldGrid = 'grid grid-cols-[8rem_1fr_1fr_7rem_5.5rem_2rem] items-center gap-2';

type TextKey = 'key' | 'label' | 'labelZh' | 'options' | 'optionsZh';
type WidgetWord = keyof Messages['admin']['widgets'];

/** One of a draft's text boxes, its label also its placeholder; the Chinese ones marked as such. */
function DraftText({
  draft,
  name,
  word,
  update,
}: {
  draft: FieldDraft;
  name: TextKey;
  word: WidgetWord;
  update(patch: Partial<FieldDraft>): void;
}) {
  const { t } = useTranslation();
  return (
    <input
      className={inputClass}
      aria-label={t(`admin.widgets.${word}`)}
      placeholder={t(`admin.widgets.${word}`)}
      lang={name.endsWith('Zh') ? 'zh-CN' : undefined}
      value={draft[name]}
      onChange={(e) => update({ [name]: e.target.value })}
    />
  );
}

/** The pre-chat form's questions, as drafts: key, label in both languages, type, options. */
export function PreChatFieldsEditor({
  fields,
  onChange,
}: {
  fields: FieldDraft[];
  onChange(next: FieldDraft[]): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-medium">{t('admin.widgets.prechat')}</legend>
      {fields.map((f, i) => {
        const update = (patch: Partial<FieldDraft>) =>
          onChange(fields.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: fields are positional until saved
          <div key={i} className="space-y-1" data-testid="prechat-field">
            <div className={fieldGrid}>
              <DraftText draft={f} name="key" word="fieldKey" update={update} />
              <DraftText draft={f} name="label" word="fieldLabel" update={update} />
              <DraftText draft={f} name="labelZh" word="fieldLabelZh" update={update} />
              <select
                className={inputClass}
                aria-label={t('admin.widgets.fieldType')}
                value={f.type}
                onChange={(e) => update({ type: e.target.value as FieldDraft['type'] })}
              >
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
              <label className="flex items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={f.required}
                  onChange={(e) => update({ required: e.target.checked })}
                />
                {t('admin.widgets.required')}
              </label>
              <button
                type="button"
                className={smallButton}
                aria-label={t('admin.widgets.removeField')}
                onClick={() => onChange(fields.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </div>
            {f.type === 'select' && (
              <div className={fieldGrid}>
                <span />
                <DraftText draft={f} name="options" word="options" update={update} />
                <DraftText draft={f} name="optionsZh" word="optionsZh" update={update} />
              </div>
            )}
          </div>
        );
      })}
      <button type="button" className={secondaryButton} onClick={() => onChange([...fields, EMPTY_FIELD])}>
        + {t('admin.widgets.addField')}
      </button>
    </fieldset>
  );
}
