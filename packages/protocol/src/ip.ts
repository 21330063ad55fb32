const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** 4 or 6 for a valid IPv4 or IPv6 address, else 0 (like node:net's isIP, but runs anywhere). */
export function isIP(value: string): 0 | 4 | 6 {
  if (IPV4.test(value)) return 4;
  return isIPv6(value) ? 6 : 0;
}

function isIPv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  // An embedded IPv4 address (::ffff:10.0.0.1) takes the place of the last two groups.
  const last = all.at(-1);
  const tailIsV4 = last !== undefined && IPV4.test(last);
  const hextets = tailIsV4 ? all.slice(0, -1) : all;
  if (!hextets.every((g) => HEXTET.test(g))) return false;
  const count = hextets.length + (tailIsV4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}
