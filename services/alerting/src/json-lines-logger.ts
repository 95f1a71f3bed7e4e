/**
 * The service's log: one JSON object per line on stderr (stdout carries only alerts). Fields
 * are ids, counts and error names; nothing a person could be recognised by ever reaches it.
 */
import type { SubscriberLogger } from '@casetrail/subscriber';

type Fields = Readonly<Record<string, string | number | boolean | undefined>>;

export function jsonLinesLogger(
  service: string,
  write: (line: string) => void = (line) => void process.stderr.write(line),
): SubscriberLogger {
  const line = (level: string) => (message: string, fields?: Fields) =>
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, service, message, ...fields })}\n`,
    );
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
