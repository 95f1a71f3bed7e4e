/**
 * The projector's log lines: JSON on stderr, message plus a few scalar fields (positions,
 * counts, error names). Must never be handed a document or event data: those may carry
 * personal data, and the projector never needs to log them.
 */
type Fields = Readonly<Record<string, string | number | boolean | undefined>>;

export type ProjectorLogger = {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
};

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export function jsonLogger(
  component: string,
  level: keyof typeof levels = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
): ProjectorLogger {
  const at =
    (name: 'info' | 'warn' | 'error') =>
    (message: string, fields: Fields = {}) => {
      if (levels[name] < levels[level]) return;
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level: name, component, message, ...fields })}\n`,
      );
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
