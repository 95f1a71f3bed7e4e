/**
 * The correlation id recorded on every event: the W3C trace id of the caller's `traceparent`
 * when it sends a valid one, so a command can be followed across agency systems, or a new
 * random one in the same format.
 */
import { randomBytes } from 'node:crypto';

const traceparentPattern = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const invalidTraceId = '0'.repeat(32);

export function correlationId(traceparent: string | undefined): string {
  const match = traceparent?.trim().toLowerCase().match(traceparentPattern);
  const traceId = match?.[1];
  if (traceId && traceId !== invalidTraceId && !traceparent?.startsWith('ff')) return traceId;
  return randomBytes(16).toString('hex');
}
