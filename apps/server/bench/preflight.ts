import { readFileSync } from 'node:fs';

/** Head-room for the store, logs, the HTTP pool and Node's own descriptors. */
const SPARE_DESCRIPTORS = 256;

/**
 * Every client socket is a descriptor here and another in the server child (which inherits this
 * limit), so a low `ulimit -n` fails the run halfway with EMFILE. Returns an error text, or
 * undefined when the limit is high enough or cannot be read (not Linux).
 */
export function fileLimitProblem(sockets: number): string | undefined {
  let limits: string;
  try {
    limits = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  if (soft === undefined || soft === 'unlimited') return undefined;
  const needed = sockets + SPARE_DESCRIPTORS;
  if (Number(soft) >= needed) return undefined;
  return (
    `The open-file limit is ${soft}, but ${sockets} sockets need at least ${needed}.\n` +
    `Raise it in this shell (for example \`ulimit -n 8192\`) and run the benchmark again.`
  );
}
