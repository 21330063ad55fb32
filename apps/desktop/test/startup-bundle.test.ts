import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/fakes.js';
import { buildWorkbench } from './support/static-pages.js';

/** zod 4 keeps its internals under this property name, which minifiers leave alone. */
const ZOD_MARK = '_zod';

/** The files the page loads before its first paint: the entry, its preloads, their static imports. */
function firstPaintFiles(dir: string): Set<string> {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) pending.push(`assets/${m[1]}`);
  }
  return seen;
}

/** Strings only React's development build and development JSX runtime carry. */
const REACT_DEVELOPMENT_MARKS = ['Each child in a list should have a unique', 'jsxDEV', 'lineNumber:'];
/** The production build sends its errors to the decoder page instead. */
const REACT_PRODUCTION_MARK = 'react.dev/errors/';

describe("the web workbench's first paint", () => {
  const dir = tempDir('switchboard-startup-bundle-');
  // Built from a development shell: the build's mode, not the shell's NODE_ENV, picks React's build.
  beforeAll(() => buildWorkbench(dir, { ...process.env, NODE_ENV: 'development' }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads React and the app but none of the schemas (zod comes with the network code, after it)', () => {
    const startup = firstPaintFiles(dir);
    const code = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect([...startup].some((file) => code(file).includes('createRoot'))).toBe(true);
    expect([...startup].filter((file) => code(file).includes(ZOD_MARK))).toEqual([]);
    // The build does hold zod: the check above looks for something that is there.
    const all = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(all.some((file) => code(`assets/${file}`).includes(ZOD_MARK))).toBe(true);
  });

  it('runs the entry as soon as it arrives: the one module script is async, and the chunks it imports are preloaded', () => {
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\btype="module"/);
    expect(scripts[0]).toMatch(/\basync\b/);
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/(assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(
      preloads.some((file) => readFileSync(path.join(dir, file as string), 'utf8').includes('createRoot')),
    ).toBe(true);
  });

  it("ships React's production build and JSX runtime even when the shell's NODE_ENV says development", () => {
    const startup = [...firstPaintFiles(dir)].map((file) => readFileSync(path.join(dir, file), 'utf8'));
    expect(startup.some((code) => code.includes(REACT_PRODUCTION_MARK))).toBe(true);
    const all = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    const development = all.filter((file) => {
      const code = readFileSync(path.join(dir, 'assets', file), 'utf8');
      return REACT_DEVELOPMENT_MARKS.some((mark) => code.includes(mark));
    });
    expect(development).toEqual([]);
  });
});
