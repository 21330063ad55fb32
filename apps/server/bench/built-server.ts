import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SERVER_DIR } from './processes.js';

/** What `npm start` runs: the compiled server, not its sources through a TypeScript loader. */
export const BUILT_SERVER = 'dist/main.js';

const PROTOCOL_DIR = path.join(SERVER_DIR, '../../packages/protocol');

/**
 * Why the built server (and the protocol it imports) cannot be measured, or undefined when it can:
 * missing, or older than a source file, which would measure code that is no longer there.
 */
export function builtServerProblem(): string | undefined {
  for (const dir of [SERVER_DIR, PROTOCOL_DIR]) {
    const built = newestFile(path.join(dir, 'dist'));
    if (!built)
      return `${path.join(dir, 'dist')} is missing: run \`npm run build\` first (\`npm run bench\` does).`;
    const edited = newestFile(path.join(dir, 'src'));
    if (edited && edited.mtimeMs > built.mtimeMs) {
      return `${edited.file} is newer than its build: run \`npm run build\` first (\`npm run bench\` does).`;
    }
  }
  return undefined;
}

function newestFile(dir: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    if (stat.isFile() && (!newest || stat.mtimeMs > newest.mtimeMs)) newest = { file, mtimeMs: stat.mtimeMs };
  }
  return newest;
}
