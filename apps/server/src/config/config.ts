import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const PerWindow = z.strictObject({
  points: z.number().int().positive(),
  seconds: z.number().int().positive(),
});

export const Config = z.strictObject({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(3000),
  /** The URL people use to reach this server; the default is derived from host and port. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  dataDir: z.string().default('./data'),
  database: z
    .strictObject({
      file: z.string().default('switchboard.db'),
      /** `normal` survives a killed process; `full` also survives power loss, at an fsync per commit. */
      synchronous: z.enum(['normal', 'full']).default('normal'),
    })
    .prefault({}),
  auth: z
    .strictObject({
      /** HS256 key, at least 32 characters. When absent one is generated and kept in the database. */
      jwtSecret: z.string().min(32).optional(),
      issuer: z.string().default('switchboard'),
      audience: z.string().default('switchboard'),
      accessTokenTtlSeconds: z.number().int().min(30).max(900).default(600),
      refreshTokenTtlDays: z.number().int().min(1).max(90).default(30),
      /**
       * A staff socket whose access token expired this long ago without `session:reauth` is
       * disconnected: room for clock skew and the client's refresh round trip.
       */
      expiredSocketGraceMilliseconds: z.number().int().min(0).max(300_000).default(30_000),
      /** How often the staff sockets are checked for that. */
      expiredSocketSweepMilliseconds: z.number().int().min(20).max(60_000).default(5_000),
      /** scrypt cost parameter N (a power of two). */
      scryptCost: z
        .number()
        .int()
        .refine((n) => n >= 1024 && (n & (n - 1)) === 0, 'a power of two, at least 1024')
        .default(32768),
    })
    .prefault({}),
  /** Browser origins allowed to use the staff API and the /agent namespace (the workbench). */
  workbenchOrigins: z.array(z.url()).default([]),
  limits: z
    .strictObject({
      maxSocketFrameBytes: z.number().int().min(1024).max(1_048_576).default(65_536),
      uploadMaxBytes: z
        .number()
        .int()
        .min(1024)
        .default(10 * 1024 * 1024),
      loginPerIp: PerWindow.default({ points: 20, seconds: 60 }),
      loginPerAccount: PerWindow.default({ points: 10, seconds: 60 }),
      handshakesPerIp: PerWindow.default({ points: 120, seconds: 60 }),
      visitorSessionsPerIp: PerWindow.default({ points: 60, seconds: 3600 }),
      conversationsPerIp: PerWindow.default({ points: 30, seconds: 3600 }),
      messagesPerSocket: PerWindow.default({ points: 30, seconds: 10 }),
      typingPerSocket: PerWindow.default({ points: 40, seconds: 10 }),
      /** The pages a visitor goes to while chatting (`page:view`). */
      pageViewsPerSocket: PerWindow.default({ points: 30, seconds: 60 }),
      requestsPerSocket: PerWindow.default({ points: 120, seconds: 10 }),
      uploadsPerPrincipal: PerWindow.default({ points: 30, seconds: 3600 }),
      /** Leaving the queue for a message, or changing where to answer it, per visitor. */
      leaveMessagesPerVisitor: PerWindow.default({ points: 10, seconds: 3600 }),
      /** Test emails an admin may send themselves. */
      emailTestsPerUser: PerWindow.default({ points: 10, seconds: 3600 }),
      /**
       * Replies by email stored into one conversation (anyone can send mail that claims the
       * visitor's address): over it the gateway is told to retry later, nothing is stored.
       */
      emailRepliesPerConversation: PerWindow.default({ points: 30, seconds: 3600 }),
    })
    .prefault({}),
  routing: z
    .strictObject({
      /** An agent who lost every connection keeps their chats this long, then they are requeued. */
      disconnectGraceSeconds: z.number().int().min(0).max(3600).default(60),
      /** A queued visitor with no connection this long has left: the conversation closes as abandoned. */
      abandonAfterSeconds: z.number().int().min(1).max(86_400).default(120),
      /** How often deadlines (offer timeouts, wrap-up, grace, watchdog) are checked. */
      tickMilliseconds: z.number().int().min(20).max(10_000).default(500),
    })
    .prefault({}),
  privacy: z
    .strictObject({
      /**
       * Conversations resolved longer ago than this many days are deleted for good, with their
       * messages and files, and visitors left with none (as an admin's erasure does). Null:
       * kept until erased.
       */
      retentionDays: z.number().int().min(1).max(36_500).nullable().default(null),
      /** How often the retention period is applied. */
      retentionSweepMinutes: z.number().int().min(1).max(1440).default(60),
    })
    .prefault({}),
  /**
   * Answers to left messages, emailed to the visitor's `replyTo`. Without `smtpUrl` or
   * `directory` nothing is emailed.
   */
  email: z
    .strictObject({
      /** `smtp://` (STARTTLS when offered) or `smtps://` (TLS), with `user:password@` if needed. */
      smtpUrl: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
      /** Write each email as an `.eml` file here instead of sending it (development, the demo). */
      directory: z.string().min(1).optional(),
      /** The sender, as `Name <address>` or an address. */
      from: z.string().min(3).default('Switchboard <no-reply@switchboard.local>'),
      /**
       * How long after an answer it is emailed, with the answers written meanwhile; a visitor who
       * reads it in the chat first gets no email.
       */
      delaySeconds: z.number().int().min(0).max(86_400).default(60),
      /** The first retry after a temporary failure; each next one waits twice as long (≤ 1 hour). */
      retrySeconds: z.number().int().min(1).max(3600).default(60),
      /** Tries before giving up (a permanent refusal, 5xx, gives up at once). */
      maxAttempts: z.number().int().min(1).max(50).default(8),
      /**
       * The staff's files in the answers are attached up to this many bytes in all; the rest are
       * named, to be opened in the chat. 0 attaches none.
       */
      attachmentMaxBytes: z
        .number()
        .int()
        .min(0)
        .max(50 * 1024 * 1024)
        .default(10 * 1024 * 1024),
      /**
       * The address visitors' replies go to (`Reply-To`); without it they go to `from`. Its
       * mailbox's mail gateway posts what arrives to `POST /api/email/inbound`.
       */
      replyTo: z.string().min(3).optional(),
      /**
       * The secret the mail gateway sends (`Authorization: Bearer …`) with each email it posts;
       * without it replies do not come back into conversations (the endpoint answers not-found).
       */
      inboundSecret: z.string().min(32, 'at least 32 characters').optional(),
      /** The largest email the gateway may post, files included. */
      inboundMaxBytes: z
        .number()
        .int()
        .min(64 * 1024)
        .max(100 * 1024 * 1024)
        .default(25 * 1024 * 1024),
      /** How often due emails are looked for. */
      pollMilliseconds: z.number().int().min(20).max(60_000).default(2_000),
    })
    .refine((e) => !(e.smtpUrl && e.directory), 'set smtpUrl or directory, not both')
    .prefault({}),
  /** Create the demo admin, agents, team and widget on an empty database. */
  demoSeed: z.boolean().default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ENV_KEYS = {
  SWITCHBOARD_HOST: (c, v) => ({ ...c, host: v }),
  SWITCHBOARD_PORT: (c, v) => ({ ...c, port: Number(v) }),
  SWITCHBOARD_PUBLIC_URL: (c, v) => ({ ...c, publicUrl: v }),
  SWITCHBOARD_DATA_DIR: (c, v) => ({ ...c, dataDir: v }),
  SWITCHBOARD_JWT_SECRET: (c, v) => ({ ...c, auth: { ...(c.auth as object), jwtSecret: v } }),
  SWITCHBOARD_LOG_LEVEL: (c, v) => ({ ...c, logLevel: v }),
  SWITCHBOARD_DEMO_SEED: (c, v) => ({ ...c, demoSeed: v === '1' || v === 'true' }),
  SWITCHBOARD_SMTP_URL: (c, v) => ({ ...c, email: { ...(c.email as object), smtpUrl: v } }),
  SWITCHBOARD_EMAIL_FROM: (c, v) => ({ ...c, email: { ...(c.email as object), from: v } }),
  SWITCHBOARD_EMAIL_DIRECTORY: (c, v) => ({ ...c, email: { ...(c.email as object), directory: v } }),
  SWITCHBOARD_EMAIL_REPLY_TO: (c, v) => ({ ...c, email: { ...(c.email as object), replyTo: v } }),
  SWITCHBOARD_INBOUND_EMAIL_SECRET: (c, v) => ({
    ...c,
    email: { ...(c.email as object), inboundSecret: v },
  }),
  SWITCHBOARD_RETENTION_DAYS: (c, v) => ({
    ...c,
    privacy: { ...(c.privacy as object), retentionDays: v === '' ? null : Number(v) },
  }),
  SWITCHBOARD_WORKBENCH_ORIGINS: (c, v) => ({ ...c, workbenchOrigins: v.split(',').filter(Boolean) }),
} satisfies Record<string, (c: Record<string, unknown>, v: string) => Record<string, unknown>>;

/**
 * Config = defaults < file (`SWITCHBOARD_CONFIG`, JSON) < environment variables.
 * Throws a ConfigError that names every invalid key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigInput = {}): Config {
  let raw: Record<string, unknown> = {};
  const file = env.SWITCHBOARD_CONFIG;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`);
    }
  }
  for (const [key, apply] of Object.entries(ENV_KEYS)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw = apply(raw, value);
  }
  return parseConfig({ ...raw, ...overrides });
}

export function parseConfig(input: unknown): Config {
  const parsed = Config.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The demo writes answer emails into the data directory's `mail/` unless email is configured. */
export function withDemoMailbox(config: Config): Config {
  if (!config.demoSeed || config.email.smtpUrl || config.email.directory) return config;
  return { ...config, email: { ...config.email, directory: path.join(config.dataDir, 'mail') } };
}

/** Where emails go, to show (the banner, the admin area): never the SMTP URL's credentials. */
export function emailDestination(email: Config['email']): string | null {
  if (email.smtpUrl) return `SMTP server ${new URL(email.smtpUrl).host}`;
  if (email.directory) return `.eml files in ${email.directory}`;
  return null;
}

export function publicUrlOf(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}

/** The server's origin and its loopback twin (127.0.0.1 ↔ localhost): a browser may use either. */
export function originsOf(serverUrl: string): string[] {
  const url = new URL(serverUrl);
  const twin = url.hostname === '127.0.0.1' ? 'localhost' : url.hostname === 'localhost' ? '127.0.0.1' : null;
  return twin ? [url.origin, `${url.protocol}//${twin}${url.port ? `:${url.port}` : ''}`] : [url.origin];
}
