/**
 * How a casetrail event travels through KurrentDB. The server knows event ids only as UUIDs,
 * so the ULID's 128 bits are written as a UUID (same bits, reversible). Everything the port
 * carries that KurrentDB has no field for (schema version, actor, correlation and causation,
 * business and store time, both hashes) travels in the event's JSON metadata under
 * `casetrail`; `$correlationId`/`$causationId` are also set so KurrentDB's own projections
 * see them. Decoding is the edge where stored events come back in: it must never hand on an
 * event that fails to parse (CorruptEventError, naming position and stream, never content).
 */
import type { AllStreamResolvedEvent, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { jsonEvent } from '@kurrent/kurrentdb-client';
import { ulidToUUID, uuidToULID } from 'ulid';
import { z } from 'zod';
import type { SealedEvent } from '../append/seal-events.ts';
import { CorruptEventError } from '../errors.ts';
import { eventMetadataSchema } from '../input/parse-append.ts';
import type { RecordedEvent } from '../port.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const envelopeSchema = z.object({
  casetrail: z.object({
    v: z.literal(1),
    id: z.string(),
    schemaVersion: z.int().min(1),
    metadata: eventMetadataSchema,
    recordedAt: z.iso.datetime(),
    previousHash: hex64,
    hash: hex64,
  }),
});

const dataSchema = z.record(z.string(), z.unknown());

export function encodeEvent(event: SealedEvent): EventData {
  const casetrail = {
    v: 1,
    id: event.id,
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    previousHash: event.previousHash,
    hash: event.hash,
  };
  return jsonEvent({
    id: ulidToUUID(event.id).toLowerCase(),
    type: event.type,
    data: { ...event.data },
    metadata: {
      $correlationId: event.metadata.correlationId,
      ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
      casetrail,
    },
  });
}

/** A bigint or number from the client as a safe JavaScript number (the port's contract). */
export function toSafeNumber(value: bigint | number, what: string): number {
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (!Number.isSafeInteger(number) || number < 0) {
    throw new CorruptEventError({ position: -1 }, `${what} ${String(value)} is past 2^53`);
  }
  return number;
}

export function decodeEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  const commit = event?.position?.commit ?? resolved.commitPosition;
  const position = commit === undefined ? -1 : toSafeNumber(commit, 'position');
  if (!event) throw new CorruptEventError({ position }, 'an unresolved link, not an event');
  const revision = toSafeNumber(event.revision, 'revision');
  const at = { position, streamId: event.streamId, revision };
  if (!event.isJson) throw new CorruptEventError(at, 'not a JSON event');
  const envelope = envelopeSchema.safeParse(event.metadata);
  if (!envelope.success) throw new CorruptEventError(at, 'metadata is not a casetrail envelope');
  const data = dataSchema.safeParse(event.data);
  if (!data.success) throw new CorruptEventError(at, 'data is not a JSON object');
  const meta = envelope.data.casetrail;
  if (ulidOf(event.id) !== meta.id) {
    throw new CorruptEventError(at, 'event id does not match the recorded ULID');
  }
  return {
    id: meta.id,
    type: event.type,
    schemaVersion: meta.schemaVersion,
    data: data.data,
    metadata: meta.metadata,
    streamId: event.streamId,
    revision,
    position,
    recordedAt: meta.recordedAt,
    previousHash: meta.previousHash,
    hash: meta.hash,
  };
}

function ulidOf(uuid: string): string | undefined {
  try {
    return uuidToULID(uuid);
  } catch {
    return undefined;
  }
}
