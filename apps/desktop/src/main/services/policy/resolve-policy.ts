import { type PolicyKey, type PolicyValues, policyKeyNamed, policyKeys } from './policy-keys.js';
import type { PolicyIssue, PolicySource } from './policy-sources.js';

export interface ResolvedPolicy {
  values: PolicyValues;
  /** The source that set each key, for the logs and the docs' troubleshooting steps. */
  from: Partial<Record<PolicyKey, string>>;
  issues: PolicyIssue[];
}

/**
 * Merges the sources, highest precedence first: each key takes the first VALID value. An unknown
 * key or an invalid value is reported with its source and ignored, so a lower source (or the
 * user's setting, or the default) applies instead. Never throws on policy content.
 */
export function resolvePolicy(
  sources: readonly PolicySource[],
  readIssues: PolicyIssue[] = [],
): ResolvedPolicy {
  const values: Record<string, unknown> = {};
  const from: Partial<Record<PolicyKey, string>> = {};
  const issues = [...readIssues];
  for (const source of sources) {
    for (const [name, raw] of Object.entries(source.values)) {
      const key = policyKeyNamed(name);
      if (!key) {
        issues.push({ source: source.name, key: name, message: `unknown policy key "${name}"; ignored` });
        continue;
      }
      const parsed = policyKeys[key].safeParse(raw);
      if (!parsed.success) {
        const reason = parsed.error.issues[0]?.message ?? 'invalid';
        issues.push({
          source: source.name,
          key,
          message: `${key} = ${show(raw)} is invalid: ${reason}; ignored`,
        });
        continue;
      }
      if (Object.hasOwn(values, key)) continue;
      values[key] = parsed.data;
      from[key] = source.name;
    }
  }
  const resolved = values as PolicyValues;
  dropIncompleteProxy(resolved, from, issues);
  return { values: resolved, from, issues };
}

/** A proxy mode that needs a PAC URL or a server, without one, would cut the app off: ignore it. */
function dropIncompleteProxy(values: PolicyValues, from: ResolvedPolicy['from'], issues: PolicyIssue[]) {
  const needs =
    values.ProxyMode === 'pac_script'
      ? 'ProxyPacUrl'
      : values.ProxyMode === 'fixed_servers'
        ? 'ProxyServer'
        : null;
  if (!needs || values[needs] !== undefined) return;
  issues.push({
    source: from.ProxyMode ?? 'policy',
    key: 'ProxyMode',
    message: `ProxyMode = "${values.ProxyMode}" needs ${needs}, which is not set; ignored (the system proxy is used)`,
  });
  delete values.ProxyMode;
  delete from.ProxyMode;
}

function show(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
