/**
 * Structured JSON-lines logger for the case service. It must never be handed request bodies,
 * event data or anything else that may carry personal data: callers pass only route
 * patterns, ids, agencies, statuses, durations and error codes.
 */

export const LogLevel = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
} as const;
export type LogLevel = keyof typeof LogLevel;

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export type Logger = {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

export type LoggerOptions = {
  readonly level?: LogLevel;
  /** Where each line goes; stdout by default. Tests pass a collector. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? (() => new Date());
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (LogLevel[at] < LogLevel[level]) return;
    write(`${JSON.stringify({ time: now().toISOString(), level: at, msg: message, ...fields })}\n`);
  };
  return {
    level,
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
  };
}

/**
 * What of an unexpected error may be logged: its class name and code. The message only at
 * debug level, because vendor messages (SQL, driver text) may quote values we do not control.
 */
export function errorFields(error: unknown, logger: Logger): LogFields {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    errorName: error.name,
    errorCode: typeof code === 'string' ? code : undefined,
    errorMessage: logger.level === 'debug' ? error.message : undefined,
  };
}
