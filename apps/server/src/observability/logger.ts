import type { LoggerOptions } from 'pino';

/** Structured JSON logs; secrets never reach them. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'switchboard-server' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.visitorToken',
        '*.secret',
        '*.jwtSecret',
        '*.smtpUrl',
        '*.inboundSecret',
      ],
      censor: '[redacted]',
    },
  };
}
