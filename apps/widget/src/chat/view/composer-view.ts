import { el, svgIcon } from '../../shared/dom.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, MESSAGE_BODY_MAX } from '../../shared/wire-constants.js';
import type { Strings } from '../i18n.js';
import type { TypingReporter } from '../typing-reporter.js';

const PAPERCLIP_ICON =
  'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z';

export interface Composer {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  focus(): void;
  setError(message: string): void;
}

/** Checks a chosen file before any upload: the server checks again (extension and magic bytes). */
export function fileProblem(file: File, t: Strings): string | undefined {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return t.fileType;
  if (file.size > ATTACHMENT_MAX_BYTES) return t.fileTooBig;
  return undefined;
}

/**
 * The message box: Enter sends, Shift+Enter is a new line (and Enter while an input method is
 * composing, e.g. pinyin, only confirms the candidate); one optional file with a preview. When the
 * team sees drafts as they are typed (`typing.preview`), the box says so.
 */
export function composerView(
  t: Strings,
  handlers: {
    onSend(body: string, file: File | undefined): Promise<boolean>;
    typing: Pick<TypingReporter, 'input' | 'sent' | 'preview'>;
  },
): Composer {
  let file: File | undefined;
  let previewUrl: string | undefined;
  const textarea = el('textarea', {
    rows: 1,
    maxlength: MESSAGE_BODY_MAX,
    placeholder: t.placeholder,
    'aria-label': t.placeholder,
  });
  const input = el('input', { type: 'file', accept: ATTACHMENT_TYPES.join(','), hidden: true, tabindex: -1 });
  const attach = el(
    'button',
    { type: 'button', class: 'sb-attach', 'aria-label': t.attach, title: t.attach },
    svgIcon(PAPERCLIP_ICON),
  );
  const send = el('button', { type: 'submit', class: 'sb-btn' }, t.send);
  const chip = el('div', { class: 'sb-chip', hidden: true });
  const error = el('div', { class: 'sb-error', role: 'alert' });
  const form = el('form', { class: 'sb-composer' }, attach, input, textarea, send);
  const element = el('div', {}, chip, error, form);
  if (handlers.typing.preview) element.append(el('p', { class: 'sb-draft-shared' }, t.draftShared));

  const clearFile = () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = undefined;
    file = undefined;
    input.value = '';
    chip.hidden = true;
    chip.replaceChildren();
  };
  attach.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const chosen = input.files?.[0];
    clearFile();
    if (!chosen) return;
    const problem = fileProblem(chosen, t);
    if (problem) {
      error.textContent = problem;
      return;
    }
    error.textContent = '';
    file = chosen;
    const remove = el('button', { type: 'button', 'aria-label': t.removeFile }, '✕');
    remove.addEventListener('click', () => {
      clearFile();
      textarea.focus();
    });
    if (chosen.type.startsWith('image/')) {
      previewUrl = URL.createObjectURL(chosen);
      chip.append(el('img', { src: previewUrl, alt: '' }));
    }
    chip.append(el('span', {}, chosen.name), remove);
    chip.hidden = false;
    textarea.focus();
  });

  textarea.addEventListener('input', () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight + 2, 120)}px`;
    handlers.typing.input(textarea.value);
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = textarea.value.trim();
    if (!body && !file) return;
    const sending = file;
    handlers.typing.sent();
    error.textContent = '';
    textarea.value = '';
    textarea.style.height = 'auto';
    clearFile();
    void handlers.onSend(body, sending).then((accepted) => {
      // A refused upload gives the text back so nothing the visitor wrote is lost.
      if (!accepted && body && !textarea.value) textarea.value = body;
    });
    textarea.focus();
  });
  return {
    element,
    textarea,
    focus: () => textarea.focus(),
    setError: (message) => {
      error.textContent = message;
    },
  };
}
