import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');

/** Every way the server is started passes the same Node flags (see src/node-flags.ts for why). */
describe('the Node flags the server runs with', () => {
  const launchers: Array<[string, string]> = [
    ['npm start', JSON.parse(read('../package.json')).scripts.start],
    ['npm run dev', JSON.parse(read('../package.json')).scripts.dev],
    ['the Dockerfile', read('../../../Dockerfile').match(/^CMD .*main\.js.*$/m)?.[0] ?? ''],
    ['the systemd unit', read('../../../deploy/switchboard.service').match(/^ExecStart=.*$/m)?.[0] ?? ''],
  ];

  it.each(launchers)('%s starts node with them, before the script', (_name, command) => {
    expect(command).toMatch(/main\.(js|ts)/);
    const beforeScript = command.slice(0, command.search(/\S*main\.(js|ts)/));
    for (const flag of SERVER_NODE_FLAGS) expect(beforeScript).toContain(flag);
  });
});
