import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  isPortFree,
  LOCAL_SERVER_PORTS,
  randomLocalPort,
} from '../src/main/services/local-server/ports.js';

const { first, last } = LOCAL_SERVER_PORTS;
/** A random source that gives the port `port` of the range. */
const pointingAt = (port: number) => (port - first + 0.5) / (last - first + 1);

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function hold(port: number): Promise<void> {
  const server = createServer();
  held.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

describe('the local server’s port', () => {
  it('is chosen below every common ephemeral range (Linux 32768+, Windows and macOS 49152+)', () => {
    expect(randomLocalPort(() => 0)).toBe(first);
    expect(randomLocalPort(() => 0.999_999_9)).toBe(last);
    expect(last).toBeLessThan(32768);
    for (let i = 0; i < 1000; i++) {
      const port = randomLocalPort();
      expect(port).toBeGreaterThanOrEqual(first);
      expect(port).toBeLessThanOrEqual(last);
    }
  });

  it('passes over a port another program holds and takes the next free one it draws', async () => {
    const taken = await freePort();
    await hold(taken);
    expect(await isPortFree(taken)).toBe(false);
    let other = taken === last ? first : taken + 1;
    while (!(await isPortFree(other))) other = other === last ? first : other + 1;
    const draws = [pointingAt(taken), pointingAt(other)];
    expect(await freePort(() => draws.shift() ?? 0)).toBe(other);
  });
});
