import type { PreChatFieldType } from '@switchboard/protocol';
import { el } from '../../shared/dom.js';
import type { Strings } from '../i18n.js';

export interface FormField {
  key: string;
  label: string;
  type: PreChatFieldType;
  required: boolean;
  options?: Array<{ value: string; label: string }>;
  maxLength?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A small accessible form: labelled fields, errors tied to their field with aria-describedby,
 * focus moved to the first invalid field. Calls `onSubmit` with the trimmed values once valid.
 */
export function formView(options: {
  idPrefix: string;
  title: string;
  intro?: string;
  fields: FormField[];
  submitLabel: string;
  /** Values the fields start with (what the widget already knows). */
  initial?: Record<string, string | undefined>;
  /** A second button beside submit, e.g. to go back. */
  secondary?: { label: string; onClick(): void };
  t: Strings;
  onSubmit(values: Record<string, string>, done: (error?: string) => void): void;
}): { form: HTMLFormElement; focus(): void } {
  const { t } = options;
  const inputs = new Map<
    string,
    {
      input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
      error: HTMLElement;
      field: FormField;
    }
  >();
  const form = el('form', { class: 'sb-form', novalidate: true }, el('h2', {}, options.title));
  if (options.intro) form.append(el('p', {}, options.intro));
  for (const field of options.fields) {
    const id = `${options.idPrefix}-${field.key}`;
    const error = el('span', { class: 'sb-field-error', id: `${id}-error` });
    const common = { id, name: field.key, 'aria-describedby': `${id}-error`, required: field.required };
    const input =
      field.type === 'textarea'
        ? el('textarea', { ...common, maxlength: field.maxLength ?? 2000 })
        : field.type === 'select'
          ? el(
              'select',
              common,
              el('option', { value: '' }, '—'),
              ...(field.options ?? []).map((option) => el('option', { value: option.value }, option.label)),
            )
          : el('input', {
              ...common,
              type: field.type === 'email' ? 'email' : 'text',
              maxlength: field.maxLength ?? 120,
              autocomplete: field.type === 'email' ? 'email' : field.key === 'name' ? 'name' : undefined,
            });
    input.value = options.initial?.[field.key] ?? input.value;
    inputs.set(field.key, { input, error, field });
    form.append(el('div', { class: 'sb-field' }, el('label', { for: id }, field.label), input, error));
  }
  const formError = el('div', { class: 'sb-field-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'sb-btn' }, options.submitLabel);
  form.append(formError, submit);
  if (options.secondary) {
    const { label, onClick } = options.secondary;
    const back = el('button', { type: 'button', class: 'sb-link' }, label);
    back.addEventListener('click', onClick);
    form.append(back);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    let firstInvalid: HTMLElement | undefined;
    for (const [key, { input, error, field }] of inputs) {
      const value = input.value.trim();
      const problem =
        field.required && value === ''
          ? t.required
          : field.type === 'email' && value !== '' && !EMAIL.test(value)
            ? t.invalidEmail
            : '';
      error.textContent = problem;
      input.setAttribute('aria-invalid', String(problem !== ''));
      if (problem && !firstInvalid) firstInvalid = input;
      if (value !== '') values[key] = value;
    }
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    submit.disabled = true;
    formError.textContent = '';
    options.onSubmit(values, (error) => {
      submit.disabled = false;
      if (error) formError.textContent = error;
    });
  });
  return { form, focus: () => inputs.values().next().value?.input.focus() };
}
