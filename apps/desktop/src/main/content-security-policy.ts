/** SECURITY D3: from `default-src 'none'`; connections only to the configured server. */
export function contentSecurityPolicy(serverOrigin: string | null): string {
  const connect = serverOrigin ? `'self' ${serverOrigin} ${serverOrigin.replace(/^http/, 'ws')}` : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "media-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
