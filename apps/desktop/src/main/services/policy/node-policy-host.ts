import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PolicyHost } from './policy-sources.js';

/** The real machine: files from disk, the registry through reg.exe (no native module needed). */
export function nodePolicyHost(options: Pick<PolicyHost, 'platform' | 'exePath' | 'appId'>): PolicyHost {
  return {
    ...options,
    readFile: (file) => {
      try {
        return readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    regQuery: (key) =>
      new Promise((resolve, reject) => {
        execFile(
          'reg',
          ['query', key],
          { windowsHide: true, timeout: 10_000, encoding: 'utf8' },
          (error, stdout) => {
            // reg.exe exits 1 when the key does not exist (its message is localized, so not parsed).
            if (error && typeof error.code === 'number' && error.code === 1 && stdout.trim() === '') {
              resolve(null);
            } else if (error) {
              reject(error);
            } else {
              resolve(stdout);
            }
          },
        );
      }),
  };
}
