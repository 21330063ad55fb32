import type { AuditAction, AuditEntry } from '@switchboard/protocol';
import type { TFunction } from 'i18next';
import type { Messages } from '../../i18n/en.js';

// Every audit action has words in every language: a new one fails to compile until it does.
const covered: Record<AuditAction, string> = {} as Messages['admin']['audit']['actions'];
void covered;

/** Names the admin area has loaded, shown instead of the ids an entry records. */
export interface KnownNames {
  users: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}

export function auditActionText(t: TFunction, action: AuditAction): string {
  return t(`admin.audit.actions.${action}`);
}

/** What was acted on: a user's or team's name when known, else the start of its id. */
export function auditTargetText(entry: Pick<AuditEntry, 'targetId'>, names: KnownNames): string {
  return names.users.get(entry.targetId) ?? names.teams.get(entry.targetId) ?? entry.targetId.slice(0, 8);
}

/** Which words a detail's coded values have; other values are shown as recorded. */
const VALUE_WORDS: Partial<Record<string, string>> = {
  role: 'admin.users.roles',
  mode: 'admin.teams.modes',
  scope: 'admin.canned.scopes',
  kind: 'admin.bans.kinds',
  status: 'status',
};

/**
 * An entry's details as plain text in the app's language (never HTML): each field named, coded
 * values worded, a transfer's target and changed fields by name. What this version has no words
 * for is shown as recorded.
 */
export function auditDetailsText(t: TFunction, data: Record<string, unknown>, names: KnownNames): string {
  return Object.entries(data)
    .map(([key, value]) => `${fieldName(t, key)}: ${valueText(t, key, value, names)}`)
    .join(' · ');
}

function fieldName(t: TFunction, key: string): string {
  return t(`admin.audit.fields.${key}`, { defaultValue: key });
}

function valueText(t: TFunction, key: string, value: unknown, names: KnownNames): string {
  if (value === null || value === undefined) return '—';
  const words = VALUE_WORDS[key];
  if (words && typeof value === 'string') return t(`${words}.${value}`, { defaultValue: value });
  if (key === 'fields' && Array.isArray(value)) return value.map((f) => fieldName(t, String(f))).join(', ');
  if (key === 'to' && typeof value === 'object') {
    const to = value as { kind?: unknown; userId?: unknown; teamId?: unknown };
    const name =
      to.kind === 'agent' && typeof to.userId === 'string'
        ? names.users.get(to.userId)
        : to.kind === 'team' && typeof to.teamId === 'string'
          ? names.teams.get(to.teamId)
          : undefined;
    if (name) return name;
  }
  // A list of words (a chat's tags before and after): the words, not JSON.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
