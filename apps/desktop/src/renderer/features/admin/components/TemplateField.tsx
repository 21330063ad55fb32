import { type CannedVariable, unknownPlaceholders } from '@switchboard/protocol';
import { useId } from 'react';
import { Field, inputClass } from './ui.js';

const EXAMPLE = '{{visitor.firstName | there}}';

/**
 * A text with placeholders (a canned reply, a bot answer): under it the placeholders it may use,
 * or, while typing, those it may not (the server refuses them too).
 */
export function TemplateField({
  label,
  value,
  onChange,
  variables,
  hint,
  refusal,
  maxLength,
  required = false,
  testId,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  variables: readonly CannedVariable[];
  /** The placeholders there are, and an example with a fallback, in the app's words. */
  hint(list: string, example: string): string;
  /** The placeholders written that name nothing here, in the app's words. */
  refusal(names: string): string;
  maxLength: number;
  required?: boolean;
  testId: string;
}) {
  const hintId = useId();
  const unknown = unknownPlaceholders(value, variables);
  return (
    <div className="space-y-1">
      <Field label={label}>
        <textarea
          className={inputClass}
          rows={2}
          required={required}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={unknown.length > 0}
          aria-describedby={hintId}
          data-testid={testId}
        />
      </Field>
      {unknown.length > 0 ? (
        <p id={hintId} className="text-xs text-red-700 dark:text-red-400" role="alert">
          {refusal(unknown.join(', '))}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint(variables.map((name) => `{{${name}}}`).join(', '), EXAMPLE)}
        </p>
      )}
    </div>
  );
}
