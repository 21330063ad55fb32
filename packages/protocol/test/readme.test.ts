/**
 * Keeps README.md honest: every event, endpoint and error code of the source is documented, and
 * every JSON example annotated with `<!-- check: … -->` parses with the schema it claims to show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ApiError,
  agentPushes,
  agentRequests,
  type EndpointSpec,
  ErrorCode,
  HandshakeAuth,
  Health,
  httpStatusOf,
  PROTOCOL_VERSION,
  type PushMap,
  type RequestMap,
  restEndpoints,
  resultOf,
  visitorPushes,
  visitorRequests,
} from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** A Markdown table row starting with these cells, whatever padding the formatter adds. */
function row(...cells: string[]): RegExp {
  const escaped = cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\|\\s*${escaped.join('\\s*\\|\\s*')}\\s*\\|`, 'm');
}

interface Example {
  check: string;
  json: string;
  line: number;
}

function jsonExamples(text: string): { examples: Example[]; unchecked: number[] } {
  const lines = text.split('\n');
  const examples: Example[] = [];
  const unchecked: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```json') continue;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    const json = lines.slice(i + 1, end).join('\n');
    const check = /^<!-- check: (.+) -->$/.exec(lines[i - 1]?.trim() ?? '')?.[1];
    if (check === undefined) unchecked.push(i + 1);
    else examples.push({ check, json, line: i + 1 });
    i = end;
  }
  return { examples, unchecked };
}

const namespaces: Record<string, { requests: RequestMap; pushes: PushMap }> = {
  visitor: { requests: visitorRequests, pushes: visitorPushes },
  agent: { requests: agentRequests, pushes: agentPushes },
};
const endpoints = restEndpoints as Record<string, EndpointSpec>;

function schemaFor(check: string): z.ZodType {
  const [scope, kind, name = ''] = check.split(' ');
  if (scope === 'health') return resultOf(Health);
  if (scope === 'handshake') {
    if (kind === 'auth') return HandshakeAuth;
    if (kind === 'error') return ApiError;
  }
  if (scope === 'rest') {
    const spec = endpoints[name];
    if (kind === 'body' && spec?.body) return spec.body;
    if (kind === 'response' && spec?.response) return resultOf(spec.response);
  }
  const ns = namespaces[scope ?? ''];
  if (ns) {
    if (kind === 'request' && ns.requests[name]) return ns.requests[name].request;
    if (kind === 'ack' && ns.requests[name]) return resultOf(ns.requests[name].response);
    if (kind === 'push' && ns.pushes[name]) return ns.pushes[name];
  }
  throw new Error(`README check "${check}" names no schema`);
}

describe('README.md', () => {
  const { examples, unchecked } = jsonExamples(readme);

  it('states the protocol version', () => {
    expect(readme).toMatch(new RegExp(`^# Switchboard protocol, version ${PROTOCOL_VERSION}$`, 'm'));
    expect(readme).toMatch(new RegExp(`^### Version ${PROTOCOL_VERSION}$`, 'm'));
  });

  it('annotates every JSON example with the schema it shows', () => {
    expect(unchecked, 'lines of ```json blocks without a check comment').toEqual([]);
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map((e) => [`${e.check} (line ${e.line})`, e] as const))(
    'example %s matches',
    (_label, e) => {
      const value: unknown = JSON.parse(e.json);
      const result = schemaFor(e.check).safeParse(value);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it("lists every event in its namespace's tables", () => {
    for (const [name, ns] of Object.entries(namespaces)) {
      const start = readme.indexOf(`### \`/${name}\` namespace`);
      const end = readme.indexOf('\n### ', start + 1);
      expect(start, `section for /${name}`).toBeGreaterThan(0);
      const section = readme.slice(start, end);
      for (const event of [...Object.keys(ns.requests), ...Object.keys(ns.pushes)]) {
        expect(section, `/${name} ${event}`).toMatch(row(`\`${event}\``));
      }
    }
  });

  it('lists every REST endpoint with its method', () => {
    for (const [name, spec] of Object.entries(endpoints)) {
      expect(readme, name).toMatch(row(`\`${spec.method} ${spec.path}\``, spec.auth));
      expect(readme, name).toContain(`### \`${spec.method} ${spec.path}\``);
    }
  });

  it('lists every error code with its HTTP status', () => {
    for (const code of ErrorCode.options) {
      expect(readme, code).toMatch(row(`\`${code}\``, String(httpStatusOf[code])));
    }
  });
});
