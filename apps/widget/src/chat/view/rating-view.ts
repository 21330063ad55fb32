import { el } from '../../shared/dom.js';
import { format, type Strings } from '../i18n.js';

/** CSAT after a resolved chat: five stars as a radio group (arrow keys move), an optional comment. */
export function ratingView(
  t: Strings,
  onSubmit: (score: number, comment: string, done: (error?: string) => void) => void,
): HTMLElement {
  let score = 0;
  const stars: HTMLButtonElement[] = [];
  const group = el('div', { class: 'sb-stars', role: 'radiogroup', 'aria-label': t.rateTitle });
  const select = (value: number, focus: boolean) => {
    score = value;
    stars.forEach((star, i) => {
      star.setAttribute('aria-checked', String(i + 1 === value));
      star.classList.toggle('sb-lit', i < value);
      star.tabIndex = i + 1 === (value || 1) ? 0 : -1;
    });
    if (focus) stars[value - 1]?.focus();
    submit.disabled = false;
  };
  for (let n = 1; n <= 5; n++) {
    const star = el(
      'button',
      {
        type: 'button',
        class: 'sb-star',
        role: 'radio',
        'aria-checked': 'false',
        'aria-label': format(t.rateStar, { n }),
        tabindex: n === 1 ? 0 : -1,
      },
      '★',
    );
    star.addEventListener('click', () => select(n, false));
    star.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowUp') select(Math.min(5, n + 1), true);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') select(Math.max(1, n - 1), true);
      else return;
      event.preventDefault();
    });
    stars.push(star);
    group.append(star);
  }
  const comment = el('textarea', {
    class: 'sb-comment',
    maxlength: 2000,
    'aria-label': t.comment,
    placeholder: t.comment,
    rows: 2,
  });
  const error = el('div', { class: 'sb-field-error', role: 'alert' });
  const submit = el('button', { type: 'button', class: 'sb-btn', disabled: true }, t.submit);
  const card = el(
    'div',
    { class: 'sb-card sb-rating' },
    el('strong', {}, t.rateTitle),
    group,
    comment,
    error,
    submit,
  );
  submit.addEventListener('click', () => {
    if (score === 0) return;
    submit.disabled = true;
    onSubmit(score, comment.value.trim(), (problem) => {
      if (problem) {
        error.textContent = problem;
        submit.disabled = false;
        return;
      }
      card.replaceChildren(el('strong', { role: 'status' }, t.rateThanks));
    });
  });
  return card;
}
