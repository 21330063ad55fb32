/**
 * Parses what `reg query <key>` prints: a header line with the key's full path, then one line per
 * value, `    <name>    <REG_TYPE>    <data>` (four spaces around the type; a name may contain
 * single spaces). Subkey lines and blank lines are skipped. Data becomes a JS value by its type.
 */
export type RegistryValue = string | number | string[];

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

export function parseRegQuery(output: string): Map<string, { type: string; value: RegistryValue }> {
  const values = new Map<string, { type: string; value: RegistryValue }>();
  for (const line of output.split(/\r?\n/)) {
    const match = VALUE_LINE.exec(line);
    if (!match) continue;
    const [, name, type, data = ''] = match as unknown as [string, string, string, string | undefined];
    values.set(name, { type, value: registryData(type, data.trimEnd()) });
  }
  return values;
}

function registryData(type: string, data: string): RegistryValue {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return Number.parseInt(data, 16);
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0');
    default:
      return data;
  }
}
