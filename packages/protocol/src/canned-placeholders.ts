import type { z } from 'zod';
import type { VisitorAttributes } from './conversation.js';

/**
 * Placeholders in a canned reply's body: `{{visitor.firstName}}`, with an optional fallback for a
 * value nobody gave, `{{visitor.firstName | there}}`. The workbench fills them as it inserts the
 * reply into the composer, so the agent sees (and may change) the words before sending; the
 * server refuses a body naming a variable that does not exist, so a typo fails when it is saved,
 * not in front of a visitor.
 *
 * `custom.<key>` stands for every custom attribute the site attaches to a conversation
 * (`attributes.custom`, e.g. `{{custom.plan | free}}`): the site decides the keys, so any key is
 * accepted and a key the conversation lacks takes the fallback.
 */
export const CUSTOM_VARIABLE = 'custom.<key>';

export const CANNED_VARIABLES = [
  'visitor.name',
  'visitor.firstName',
  'agent.name',
  'agent.firstName',
  'team.name',
  'page.url',
  'page.title',
  CUSTOM_VARIABLE,
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** What a bot's answer may name: the server fills them as the bot answers; a bot has no agent. */
export const BOT_VARIABLES = [
  'visitor.name',
  'visitor.firstName',
  'team.name',
  'page.url',
  'page.title',
  CUSTOM_VARIABLE,
] as const satisfies readonly CannedVariable[];

/** What is known when a reply is filled; null (or absent) where nobody gave it. */
export interface CannedValues {
  visitorName: string | null;
  agentName: string | null;
  /** The conversation's team, as the visitor may read it ("Thanks for contacting {{team.name}}"). */
  teamName?: string | null | undefined;
  /** The conversation's attributes: the page the visitor is on, the site's custom fields. */
  attributes?: VisitorAttributes | undefined;
}

/**
 * `{{ name }}` or `{{ name | fallback }}`: a name is dotted words (a custom key's may hold `_` and
 * `-`), so text such as `{{ }}` or a template in a code sample is left alone. The fallback runs
 * to the closing braces.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9][A-Za-z0-9_-]*)+)\s*(?:\|([^{}]*))?\}\}/g;
/** Punctuation an empty value may leave a space in front of ("Hi {{visitor.firstName}}," → "Hi,"). */
const CLOSING = /^[\s,.!?;:，。！？；：)]|^$/;

const CUSTOM_PREFIX = 'custom.';

/** Whether `name` is one of `known`, a custom attribute counting as `custom.<key>`. */
function names(known: readonly CannedVariable[], name: string): boolean {
  if (name.startsWith(CUSTOM_PREFIX)) return known.includes(CUSTOM_VARIABLE);
  return (known as readonly string[]).includes(name);
}

/**
 * The placeholders of `body` that name none of `known`, as written (e.g. `{{visitor.nmae}}`, or
 * `{{agent.name}}` in a bot's answer).
 */
export function unknownPlaceholders(
  body: string,
  known: readonly CannedVariable[] = CANNED_VARIABLES,
): string[] {
  return [...body.matchAll(PLACEHOLDER)].filter((m) => !names(known, m[1] ?? '')).map((m) => m[0]);
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

function variableValue(name: string, values: CannedValues): string | null {
  const attributes = values.attributes;
  if (name.startsWith(CUSTOM_PREFIX)) {
    const custom = attributes?.custom;
    const key = name.slice(CUSTOM_PREFIX.length);
    const value = custom && Object.hasOwn(custom, key) ? custom[key] : undefined;
    return value === undefined ? null : String(value).trim() || null;
  }
  switch (name) {
    case 'visitor.name':
      return values.visitorName?.trim() || null;
    case 'visitor.firstName':
      return firstName(values.visitorName);
    case 'agent.name':
      return values.agentName?.trim() || null;
    case 'agent.firstName':
      return firstName(values.agentName);
    case 'team.name':
      return values.teamName?.trim() || null;
    case 'page.url':
      return attributes?.pageUrl ?? null;
    case 'page.title':
      return attributes?.pageTitle?.trim() || null;
    default:
      return null;
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
    const value = names(CANNED_VARIABLES, name)
      ? (variableValue(name, values) ?? fallback?.trim() ?? '')
      : whole;
    let before = body.slice(last, start);
    if (value === '' && before.endsWith(' ') && CLOSING.test(body.slice(end))) before = before.slice(0, -1);
    out += before + value;
    last = end;
  }
  return out + body.slice(last);
}
