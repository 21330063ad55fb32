import type { z } from 'zod';

/**
 * Placeholders in a canned reply's body: `{{visitor.firstName}}`, with an optional fallback for a
 * value nobody gave, `{{visitor.firstName | there}}`. The workbench fills them as it inserts the
 * reply into the composer, so the agent sees (and may change) the words before sending; the
 * server refuses a body naming a variable that does not exist, so a typo fails when it is saved,
 * not in front of a visitor.
 */
export const CANNED_VARIABLES = [
  'visitor.name',
  'visitor.firstName',
  'agent.name',
  'agent.firstName',
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** What a bot's answer may name: the server fills them as the bot answers; a bot has no agent. */
export const BOT_VARIABLES = [
  'visitor.name',
  'visitor.firstName',
] as const satisfies readonly CannedVariable[];

/** What the workbench knows when it inserts a reply; null where nobody gave a name. */
export interface CannedValues {
  visitorName: string | null;
  agentName: string | null;
}

/**
 * `{{ name }}` or `{{ name | fallback }}`: a name is dotted words, so text such as `{{ }}` or a
 * template in a code sample is left alone. The fallback runs to the closing braces.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)\s*(?:\|([^{}]*))?\}\}/g;
/** Punctuation an empty value may leave a space in front of ("Hi {{visitor.firstName}}," → "Hi,"). */
const CLOSING = /^[\s,.!?;:，。！？；：)]|^$/;

const isVariable = (name: string): name is CannedVariable =>
  (CANNED_VARIABLES as readonly string[]).includes(name);

/**
 * The placeholders of `body` that name none of `known`, as written (e.g. `{{visitor.nmae}}`, or
 * `{{agent.name}}` in a bot's answer).
 */
export function unknownPlaceholders(
  body: string,
  known: readonly CannedVariable[] = CANNED_VARIABLES,
): string[] {
  return [...body.matchAll(PLACEHOLDER)]
    .filter((m) => !(known as readonly string[]).includes(m[1] ?? ''))
    .map((m) => m[0]);
}

/** A schema check for a template text: placeholders naming none of `known` are refused, by name. */
export function knownPlaceholdersOnly(known: readonly CannedVariable[]) {
  const list = known.map((name) => `{{${name}}}`).join(', ');
  return (text: string, ctx: z.RefinementCtx): void => {
    const unknown = unknownPlaceholders(text, known);
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown placeholder ${unknown.join(', ')}: use ${list}` });
    }
  };
}

/** The first word of a name: "Noor Haddad" → "Noor"; a name without spaces (王小明) stays whole. */
function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

function variableValue(variable: CannedVariable, values: CannedValues): string | null {
  switch (variable) {
    case 'visitor.name':
      return values.visitorName?.trim() || null;
    case 'visitor.firstName':
      return firstName(values.visitorName);
    case 'agent.name':
      return values.agentName?.trim() || null;
    case 'agent.firstName':
      return firstName(values.agentName);
  }
}

/**
 * `body` with its placeholders filled: the value, else the fallback, else nothing (and then the
 * space before it goes too, when punctuation or the end follows). A placeholder naming no variable
 * stays as written.
 */
export function fillPlaceholders(body: string, values: CannedValues): string {
  let out = '';
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const [whole, name = '', fallback] = match;
    const start = match.index;
    const end = start + whole.length;
    const value = isVariable(name) ? (variableValue(name, values) ?? fallback?.trim() ?? '') : whole;
    let before = body.slice(last, start);
    if (value === '' && before.endsWith(' ') && CLOSING.test(body.slice(end))) before = before.slice(0, -1);
    out += before + value;
    last = end;
  }
  return out + body.slice(last);
}
