import { parse, parseBinary } from 'plist';

/**
 * A macOS managed-preferences file (`/Library/Managed Preferences/<appId>.plist`). MDM writes
 * these as binary plists; a hand-made one is usually XML. Both go through the plist parser.
 * Throws when the file is not a plist or its root is not a dictionary.
 */
export function parseManagedPlist(bytes: Uint8Array): Record<string, unknown> {
  const binary = Buffer.from(bytes.subarray(0, 8)).toString('latin1') === 'bplist00';
  const root = binary ? parseBinary(bytes) : parse(Buffer.from(bytes).toString('utf8'));
  if (root === null || typeof root !== 'object' || Array.isArray(root) || root instanceof Date) {
    throw new Error('the root of a managed-preferences plist must be a dictionary');
  }
  if (root instanceof Uint8Array)
    throw new Error('the root of a managed-preferences plist must be a dictionary');
  return root as Record<string, unknown>;
}
