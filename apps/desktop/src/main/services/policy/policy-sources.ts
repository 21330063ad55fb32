import path from 'node:path';
import { parseManagedPlist } from './managed-plist.js';
import { parseRegQuery } from './reg-query.js';

/** One place policy comes from, with its raw entries (names as written there). */
export interface PolicySource {
  name: string;
  values: Record<string, unknown>;
}

export interface PolicyIssue {
  source: string;
  key: string | null;
  message: string;
}

/** What reading policy needs from the machine; tests pass captured output and fixture files. */
export interface PolicyHost {
  platform: NodeJS.Platform;
  /** The app's executable (`process.execPath` when packaged). */
  exePath: string;
  appId: string;
  /** The file's bytes, or null when it does not exist. */
  readFile(file: string): Buffer | null;
  /** What `reg query <key>` prints, or null when the key does not exist. */
  regQuery(key: string): Promise<string | null>;
}

export const REGISTRY_KEYS = [
  'HKLM\\Software\\Policies\\Switchboard',
  'HKCU\\Software\\Policies\\Switchboard',
] as const;
export const LINUX_POLICY_FILE = '/etc/switchboard/policy.json';
export const macManagedPreferences = (appId: string) => `/Library/Managed Preferences/${appId}.plist`;

export function besideExecutable(host: Pick<PolicyHost, 'platform' | 'exePath'>): string {
  const paths = host.platform === 'win32' ? path.win32 : path.posix;
  return paths.join(paths.dirname(host.exePath), 'policy.json');
}

/**
 * Every policy source of this platform, highest precedence first: the OS's own management
 * (HKLM, then HKCU; managed preferences; /etc/switchboard) before a policy.json beside the
 * executable. A missing source is simply absent; one that cannot be read or parsed is an issue.
 */
export async function readPolicySources(
  host: PolicyHost,
): Promise<{ sources: PolicySource[]; issues: PolicyIssue[] }> {
  const sources: PolicySource[] = [];
  const issues: PolicyIssue[] = [];
  const attempt = async (name: string, read: () => Promise<Record<string, unknown> | null>) => {
    try {
      const values = await read();
      if (values) sources.push({ name, values });
    } catch (error) {
      issues.push({
        source: name,
        key: null,
        message: `cannot be read: ${(error as Error).message}; ignored`,
      });
    }
  };

  if (host.platform === 'win32') {
    for (const key of REGISTRY_KEYS) {
      await attempt(key, async () => {
        const output = await host.regQuery(key);
        if (output === null) return null;
        return Object.fromEntries([...parseRegQuery(output)].map(([name, { value }]) => [name, value]));
      });
    }
  } else if (host.platform === 'darwin') {
    const file = macManagedPreferences(host.appId);
    await attempt(file, async () => {
      const bytes = host.readFile(file);
      return bytes && parseManagedPlist(bytes);
    });
  } else {
    await attempt(LINUX_POLICY_FILE, async () => readJsonPolicy(host, LINUX_POLICY_FILE));
  }
  const beside = besideExecutable(host);
  await attempt(beside, async () => readJsonPolicy(host, beside));
  return { sources, issues };
}

function readJsonPolicy(host: PolicyHost, file: string): Record<string, unknown> | null {
  const bytes = host.readFile(file);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('must be a JSON object of policy keys');
  }
  return parsed as Record<string, unknown>;
}
