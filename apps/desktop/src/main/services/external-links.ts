/** SECURITY D7: only http(s) URLs, parsed with `URL`, are ever handed to the OS. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `scheme://host[:port]`; unlike `URL#origin` it is not "null" for custom schemes like app://. */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}

/** SECURITY D5/D6: same origin, compared on parsed URLs, never with `startsWith`. */
export function isAllowedOrigin(raw: string | undefined, allowed: readonly string[]): boolean {
  const origin = raw === undefined ? null : originOf(raw);
  return origin !== null && allowed.some((a) => originOf(a) === origin);
}
