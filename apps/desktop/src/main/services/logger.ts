const LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type Level = (typeof LEVELS)[number];
export type LogFn = (message: string, details?: object) => void;
export interface Logger extends Record<Level, LogFn> {
  setLevel(level: Level): void;
}

/** JSON lines on stderr, filtered by level (managed policy LogLevel). */
export function createLogger(
  initial: Level,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  let threshold = LEVELS.indexOf(initial);
  const at =
    (level: Level): LogFn =>
    (message, details = {}) => {
      if (LEVELS.indexOf(level) <= threshold) write(`${JSON.stringify({ level, message, ...details })}\n`);
    };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    setLevel: (level) => {
      threshold = LEVELS.indexOf(level);
    },
  };
}
