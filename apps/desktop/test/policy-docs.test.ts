import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../src/main/app-identity.js';
import { POLICY_KEYS, policyKeys } from '../src/main/services/policy/policy-keys.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';

/** The policy templates IT imports must name exactly the keys, types and values the app reads. */
const DOCS = path.join(import.meta.dirname, '..', '..', '..', 'docs');
const read = (file: string) => readFileSync(path.join(DOCS, file), 'utf8');
const xml = (file: string) => {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (_level, message) => errors.push(message) }).parseFromString(
    read(file),
    'text/xml',
  );
  expect(errors).toEqual([]);
  return document;
};
const all = (root: ReturnType<typeof xml>, tag: string) =>
  Array.from(root.getElementsByTagName(tag)) as Element[];

describe('the ADMX/ADML template', () => {
  const admx = xml('policy/Switchboard.admx');
  const adml = xml('policy/en-US/Switchboard.adml');
  const policies = all(admx, 'policy');
  /** A boolean policy names its value itself; a text or enum policy in its element. */
  const valueNameOf = (policy: Element) =>
    policy.getAttribute('valueName') ||
    [...policy.getElementsByTagName('text'), ...policy.getElementsByTagName('enum')][0]?.getAttribute(
      'valueName',
    );

  it('has one policy per key, all under Software\\Policies\\Switchboard for machine and user', () => {
    expect(policies.map(valueNameOf).sort()).toEqual([...POLICY_KEYS].sort());
    for (const policy of policies) {
      expect(policy.getAttribute('key')).toBe('Software\\Policies\\Switchboard');
      expect(policy.getAttribute('class')).toBe('Both');
    }
  });

  it('writes booleans as REG_DWORD 1/0, and lists exactly the values the app accepts for enums', () => {
    for (const policy of policies) {
      const key = valueNameOf(policy) as keyof typeof policyKeys;
      const schema = policyKeys[key];
      const items = Array.from(policy.getElementsByTagName('string')).map((s) => s.textContent);
      if (policy.getAttribute('valueName')) {
        expect(schema.safeParse(true).success, key).toBe(true);
        expect(
          Array.from(policy.getElementsByTagName('decimal')).map((d) => d.getAttribute('value')),
        ).toEqual(['1', '0']);
      } else if (items.length > 0) {
        expect(items, key).toEqual((schema as unknown as { options: string[] }).options);
      } else {
        expect(
          schema.safeParse('https://chat.example.com').success || schema.safeParse('x:3128').success,
          key,
        ).toBe(true);
      }
    }
  });

  it('resolves every string and presentation the ADMX refers to in the ADML', () => {
    const strings = new Set(all(adml, 'string').map((s) => s.getAttribute('id')));
    const presentations = new Set(all(adml, 'presentation').map((p) => p.getAttribute('id')));
    const text = read('policy/Switchboard.admx');
    for (const [, id] of text.matchAll(/\$\(string\.([\w]+)\)/g))
      expect(strings.has(id ?? ''), id).toBe(true);
    for (const [, id] of text.matchAll(/\$\(presentation\.([\w]+)\)/g))
      expect(presentations.has(id ?? ''), id).toBe(true);
  });
});

describe('the samples and the guide', () => {
  it('the .mobileconfig carries an org.switchboard.desktop payload the app accepts without an issue', () => {
    const profile = parse(read('policy/org.switchboard.desktop.mobileconfig')) as {
      PayloadContent: Array<Record<string, unknown>>;
    };
    const payload = profile.PayloadContent.find((p) => p.PayloadType === APP_ID);
    expect(payload).toBeDefined();
    const values = Object.fromEntries(
      Object.entries(payload ?? {}).filter(([key]) => !key.startsWith('Payload')),
    );
    const resolved = resolvePolicy([{ name: 'mobileconfig', values }]);
    expect(resolved.issues).toEqual([]);
    expect(resolved.values.ServerUrl).toBe('https://chat.example.com');
  });

  it('the sample policy.json is accepted without an issue', () => {
    const resolved = resolvePolicy([{ name: 'policy.json', values: JSON.parse(read('policy/policy.json')) }]);
    expect(resolved.issues).toEqual([]);
    expect(Object.keys(resolved.values).length).toBeGreaterThanOrEqual(10);
  });

  it('docs/deploy-desktop.md documents every key', () => {
    const guide = read('deploy-desktop.md');
    for (const key of POLICY_KEYS) expect(guide, key).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
  });
});
