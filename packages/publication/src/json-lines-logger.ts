/** The default logger when the caller gives none: JSON lines on stderr. Callers pass only
 * ids, counts and error texts; never a document. */
import type { PublisherLogger } from './publisher-options.ts';

export function jsonLinesLogger(component: string): PublisherLogger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, component, msg: message, ...fields })}\n`,
    );
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
