/** SECURITY D3: from `default-src 'none'`; connections only to the configured server(s). */
export function contentSecurityPolicy(...serverOrigins: Array<string | null>): string {
  const origins = [...new Set(serverOrigins.filter((origin): origin is string => Boolean(origin)))];
  const connect = ["'self'", ...origins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')])].join(
    ' ',
  );
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "media-src 'self'",
    // The page links the web workbench's manifest; Electron ignores it, but fetching it is no harm.
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
