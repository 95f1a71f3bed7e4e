import { z } from 'zod';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ULID_MESSAGE = 'must be a ULID (26 characters of Crockford base32, capitals)';

/** A case id is a ULID chosen by the service that opens the case. */
export const caseIdSchema = z.string().regex(ULID, ULID_MESSAGE).describe('Case id (ULID)');
export type CaseId = z.infer<typeof caseIdSchema>;

/** A hand-over id is a ULID chosen by the service when the offer is made. */
export const handoverIdSchema = z
  .string()
  .regex(ULID, ULID_MESSAGE)
  .describe('Hand-over id (ULID)');

/**
 * Business time given by the agency (ISO 8601 with a zone, e.g. `2024-10-29T08:00:00+08:00`).
 * The decider normalises it to UTC; when absent it is the time the command was decided.
 */
export const occurredAtSchema = z.iso
  .datetime({ offset: true })
  .describe('When it happened (ISO 8601 date-time with zone); defaults to now');

const STREAM_PREFIX = 'case-';

/** The event-store stream that holds a case: one case, one stream. */
export function caseStreamId(caseId: string): string {
  return `${STREAM_PREFIX}${caseId}`;
}

/** The case id of a case stream, or undefined when the stream is not a case stream. */
export function caseIdFromStreamId(streamId: string): string | undefined {
  if (!streamId.startsWith(STREAM_PREFIX)) return undefined;
  const id = streamId.slice(STREAM_PREFIX.length);
  return ULID.test(id) ? id : undefined;
}
