import type { RoutingRule, RuleCondition, VisitorAttributes } from '@switchboard/protocol';

export interface MatchInput {
  attributes: VisitorAttributes;
  /** VIP is believed only from a signed identity. */
  verified: boolean;
}

function fieldValue(field: RuleCondition['field'], input: MatchInput): unknown {
  const { attributes } = input;
  switch (field) {
    case 'pageUrl':
      return attributes.pageUrl;
    case 'language':
      return attributes.language;
    case 'tags':
      return attributes.tags;
    case 'vip':
      return input.verified && attributes.vip === true;
    default:
      return attributes.custom?.[field.slice('custom.'.length)];
  }
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** Text comparisons ignore case; a list field (tags) matches when any element does. */
export function conditionHolds(condition: RuleCondition, input: MatchInput): boolean {
  const actual = fieldValue(condition.field, input);
  if (condition.op === 'exists') return actual !== undefined && actual !== null && actual !== false;
  const values = Array.isArray(actual) ? actual : [actual];
  const expected = condition.value;
  return values.some((value) => {
    switch (condition.op) {
      case 'equals':
        return lower(value) === lower(expected);
      case 'notEquals':
        return lower(value) !== lower(expected);
      case 'contains':
        return (
          typeof value === 'string' &&
          typeof expected === 'string' &&
          value.toLowerCase().includes(expected.toLowerCase())
        );
      case 'startsWith':
        return (
          typeof value === 'string' &&
          typeof expected === 'string' &&
          value.toLowerCase().startsWith(expected.toLowerCase())
        );
      case 'in':
        return Array.isArray(expected) && expected.some((e) => lower(e) === lower(value));
      default:
        return false;
    }
  });
}

/** First rule whose every condition holds, or null (the widget's team catches the rest). */
export function firstMatch(rules: readonly RoutingRule[], input: MatchInput): RoutingRule | null {
  return rules.find((rule) => rule.conditions.every((c) => conditionHolds(c, input))) ?? null;
}
