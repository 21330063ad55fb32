import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('../src/renderer/', import.meta.url));

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** An attribute a person reads or hears, written as literal words instead of through `t(...)`. */
const LITERAL_LABEL =
  /\b(aria-label|title|placeholder|alt)=(?:"[^"]*[A-Za-z][^"]*"|\{`[^`]*[A-Za-z][^`]*`\})/g;

describe('the workbench speaks English and Simplified Chinese', () => {
  it('names no control with literal English: labels, titles and placeholders go through i18n', () => {
    const literal = componentFiles(RENDERER).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(LITERAL_LABEL)].map(
        (match) => `${path.relative(RENDERER, file)}: ${match[0]}`,
      ),
    );
    expect(literal).toEqual([]);
  });
});
