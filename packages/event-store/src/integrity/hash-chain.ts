/**
 * The hash chains that make the log tamper-evident. Exported as they are so an offline checker
 * can recompute every hash from a dump without this package's store code.
 *
 * Stream chain (every adapter): each event's `hash` is SHA-256, lower-case hex, over
 *   "casetrail/event/v1\n" + canonicalJson({ id, type, schemaVersion, data, streamId, revision,
 *                                           metadata, recordedAt, previousHash })
 * where `previousHash` is the hash of the stream's previous event, or GENESIS_HASH at revision 0.
 * The global position is not inside it: KurrentDB assigns positions after the write.
 *
 * Log chain (stores that assign positions themselves, i.e. SQLite): each event's `logHash` is
 * SHA-256 over "casetrail/log/v1\n" + canonicalJson({ position, hash, previousLogHash }),
 * previousLogHash being the logHash of the event before it in global order (GENESIS_HASH
 * first). It makes reordering, removing or inserting rows in the global log evident.
 *
 * Must never change for existing data: a new encoding gets a new version tag.
 */
import { hash } from 'node:crypto';
import type { EventMetadata } from '../port.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

const eventTag = 'casetrail/event/v1\n';
const logTag = 'casetrail/log/v1\n';

/** Everything an event's own hash covers. */
export type HashedEventFields = {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly streamId: string;
  readonly revision: number;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
  readonly previousHash: string;
};

/** Canonical JSON of `data` and `metadata`, when the caller already has it (the write path). */
export type EncodedParts = { readonly dataJson: string; readonly metadataJson: string };

/**
 * The canonical encoding of an event's hashed fields (what `hashEvent` digests): exactly
 * `canonicalJson` of the nine fields, written out with the keys in their sorted order so the
 * write path can reuse the already-canonical data and metadata instead of encoding them again.
 */
export function canonicalEventEncoding(event: HashedEventFields, parts?: EncodedParts): string {
  const dataJson = parts?.dataJson ?? canonicalJson(event.data, 'data');
  const metadataJson = parts?.metadataJson ?? canonicalJson(event.metadata, 'metadata');
  return (
    `{"data":${dataJson},"id":${text(event.id)},"metadata":${metadataJson}` +
    `,"previousHash":${text(event.previousHash)},"recordedAt":${text(event.recordedAt)}` +
    `,"revision":${integer(event.revision)},"schemaVersion":${integer(event.schemaVersion)}` +
    `,"streamId":${text(event.streamId)},"type":${text(event.type)}}`
  );
}

// Scalars the way canonicalJson writes them, without its machinery (this runs per event).
const text = (value: string) =>
  typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
const integer = (value: number) =>
  Number.isSafeInteger(value) ? String(value) : canonicalJson(value);

/**
 * canonicalJson(metadata) written out for the port's metadata shape (it runs per appended
 * event). Only for metadata that passed the strict input schema: exactly these keys.
 */
export function canonicalMetadataJson(metadata: EventMetadata): string {
  const causation =
    metadata.causationId === undefined ? '' : `,"causationId":${text(metadata.causationId)}`;
  return (
    `{"actor":{"agency":${text(metadata.actor.agency)},"sub":${text(metadata.actor.sub)}}` +
    `${causation},"correlationId":${text(metadata.correlationId)}` +
    `,"occurredAt":${text(metadata.occurredAt)}}`
  );
}

export function hashEvent(event: HashedEventFields, parts?: EncodedParts): string {
  return sha256Hex(eventTag + canonicalEventEncoding(event, parts));
}

export type LogLinkFields = {
  readonly position: number;
  readonly hash: string;
  readonly previousLogHash: string;
};

export function hashLogLink(link: LogLinkFields): string {
  // canonicalJson({ position, hash, previousLogHash }) with its keys in sorted order.
  return sha256Hex(
    `${logTag}{"hash":${text(link.hash)},"position":${integer(link.position)}` +
      `,"previousLogHash":${text(link.previousLogHash)}}`,
  );
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
