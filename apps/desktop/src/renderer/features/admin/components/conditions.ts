import type { RuleCondition } from '@switchboard/protocol';

export const OPS = ['equals', 'notEquals', 'contains', 'startsWith', 'in', 'exists'] as const;

/** A condition as the editor shows it: the value as text (a list comma-separated). */
export interface ConditionDraft {
  field: string;
  op: RuleCondition['op'];
  value: string;
}

export function toDraft(condition: RuleCondition): ConditionDraft {
  const value = condition.value;
  return {
    field: condition.field,
    op: condition.op,
    value: Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value),
  };
}

/** The typed condition: `in` takes a list, `vip` a boolean, `exists` no value. */
export function fromDraft(draft: ConditionDraft): RuleCondition {
  const field = draft.field.trim() as RuleCondition['field'];
  if (draft.op === 'exists') return { field, op: 'exists' };
  if (draft.op === 'in')
    return {
      field,
      op: 'in',
      value: draft.value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  if (field === 'vip' && (draft.value === 'true' || draft.value === 'false'))
    return { field, op: draft.op, value: draft.value === 'true' };
  return { field, op: draft.op, value: draft.value };
}
