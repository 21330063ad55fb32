import { createServer } from 'node:net';

const HOST = '127.0.0.1';

/**
 * Where the local server's port is chosen: registered ports below every common ephemeral range
 * (Linux hands out 32768–60999 to outgoing connections, Windows and macOS 49152–65535). A port
 * from an ephemeral range can be taken at any time as the local end of some program's outgoing
 * connection, and the server would then find its own port in use at the next start.
 */
export const LOCAL_SERVER_PORTS = { first: 20000, last: 32767 } as const;

/** How many random ports `freePort` tries before it takes whatever the OS gives. */
const ATTEMPTS = 20;

export function randomLocalPort(random: () => number = Math.random): number {
  const { first, last } = LOCAL_SERVER_PORTS;
  return first + Math.floor(random() * (last - first + 1));
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

/** A free port from `LOCAL_SERVER_PORTS`, or, if none of a few tries is free, one the OS picks. */
export async function freePort(random: () => number = Math.random): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = randomLocalPort(random);
    if (await isPortFree(port)) return port;
  }
  return anyFreePort();
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
