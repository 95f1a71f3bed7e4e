/**
 * Rows of the `events` table and their decoding: the edge where stored events come back in.
 * Rows are fetched as arrays (`setReturnArrays(true)`) in `eventColumns` order: node:sqlite
 * builds them several times faster than its null-prototype row objects, and every read of the
 * log passes through here. A row that does not decode is refused with CorruptEventError (naming
 * its position, never its content), so no reader ever acts on a damaged event.
 */
import { z } from 'zod';
import { CorruptEventError } from '../errors.ts';
import { isPlainObject } from '../input/parse-append.ts';
import type { RecordedEvent } from '../port.ts';

export const eventColumns =
  'position, stream_id, revision, event_id, type, schema_version, data, actor_agency, actor_sub, ' +
  'correlation_id, causation_id, occurred_at, recorded_at, previous_hash, hash, log_hash';

export type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  actorAgency: string,
  actorSub: string,
  correlationId: string,
  causationId: string | null,
  occurredAt: string,
  recordedAt: string,
  previousHash: string,
  hash: string,
  logHash: string,
];

// Types only, parsed as an object built from the array (zod's compiled object parser is the
// fast path). Formats were checked on the way in and are covered by the hash; the verifier
// judges hash values (a wrong hash is a mismatch, not a decoding failure).
const rowSchema = z.object({
  position: z.number(),
  streamId: z.string(),
  revision: z.number(),
  id: z.string(),
  type: z.string(),
  schemaVersion: z.number(),
  data: z.string(),
  agency: z.string(),
  sub: z.string(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  previousHash: z.string(),
  hash: z.string(),
  logHash: z.string(),
});

export function decodeEventRow(raw: unknown): RecordedEvent {
  const row = (Array.isArray(raw) ? raw : []) as Partial<EventRow>;
  const parsed = rowSchema.safeParse({
    position: row[0],
    streamId: row[1],
    revision: row[2],
    id: row[3],
    type: row[4],
    schemaVersion: row[5],
    data: row[6],
    agency: row[7],
    sub: row[8],
    correlationId: row[9],
    causationId: row[10],
    occurredAt: row[11],
    recordedAt: row[12],
    previousHash: row[13],
    hash: row[14],
    logHash: row[15],
  });
  if (!parsed.success) {
    const [position, streamId, revision] = row;
    throw new CorruptEventError(
      {
        position: typeof position === 'number' ? position : -1,
        streamId: typeof streamId === 'string' ? streamId : undefined,
        revision: typeof revision === 'number' ? revision : undefined,
      },
      `bad column ${parsed.error.issues.map((issue) => String(issue.path[0])).join(', ')}`,
    );
  }
  const stored = parsed.data;
  const at = { position: stored.position, streamId: stored.streamId, revision: stored.revision };
  const data = parseData(stored.data, at);
  return {
    id: stored.id,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    data,
    metadata: {
      actor: { agency: stored.agency, sub: stored.sub },
      correlationId: stored.correlationId,
      ...(stored.causationId === null ? {} : { causationId: stored.causationId }),
      occurredAt: stored.occurredAt,
    },
    streamId: stored.streamId,
    revision: stored.revision,
    position: stored.position,
    recordedAt: stored.recordedAt,
    previousHash: stored.previousHash,
    hash: stored.hash,
    logHash: stored.logHash,
  };
}

function parseData(
  text: string,
  at: { position: number; streamId: string; revision: number },
): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // No cause: the parser's message quotes the stored text, which may be personal data.
    throw new CorruptEventError(at, 'data is not valid JSON');
  }
  if (!isPlainObject(data)) throw new CorruptEventError(at, 'data is not a JSON object');
  return data;
}
