/**
 * One append to the embedded store, as one `BEGIN IMMEDIATE` transaction: the write lock is
 * taken first, so the idempotency check, the expected-revision check, the chain tails and the
 * next position are all read under it, also against writers in other processes. It must never
 * write part of an append, and never assign a position out of commit order (that is what lets
 * subscribers follow the log by position without skipping).
 */
import type { DatabaseSync } from 'node:sqlite';
import { checkExpectedRevision } from '../append/check-expected-revision.ts';
import { sealEvents } from '../append/seal-events.ts';
import { EventIdConflictError } from '../errors.ts';
import type { ParsedAppend } from '../input/parse-append.ts';
import { GENESIS_HASH, hashLogLink } from '../integrity/hash-chain.ts';
import type { AppendResult, RecordedEvent } from '../port.ts';
import { decodeEventRow } from './event-row.ts';
import type { HeadRow, SqliteStatements, TailRow } from './sqlite-statements.ts';
import { isDuplicateEventId, translateSqliteError } from './translate-sqlite-error.ts';

export function appendInTransaction(
  db: DatabaseSync,
  statements: SqliteStatements,
  append: ParsedAppend,
  now: () => Date,
): AppendResult {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = findRetried(statements, append) ?? write(statements, append, now);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    if (isDuplicateEventId(error)) throw conflictingId(statements, append, error);
    throw translateSqliteError(error);
  }
}

/** An idempotent retry: the first id is in the stream and the rest follow it in order. */
function findRetried(statements: SqliteStatements, append: ParsedAppend): AppendResult | undefined {
  const { streamId, events } = append;
  const first = statements.revisionOfEventId.get(streamId, events[0]!.id) as
    | { revision: number }
    | undefined;
  if (!first) return undefined;
  const rows = statements.streamRange.all(
    streamId,
    first.revision,
    first.revision + events.length - 1,
  );
  const recorded = rows.map(decodeEventRow);
  events.forEach((event, index) => {
    if (recorded[index]?.id !== event.id) throw new EventIdConflictError(streamId, event.id);
  });
  const last = recorded[recorded.length - 1]!;
  return { revision: last.revision, position: last.position, events: recorded };
}

function write(statements: SqliteStatements, append: ParsedAppend, now: () => Date): AppendResult {
  const { streamId, events, expectedRevision } = append;
  const tail = statements.tail.get(streamId) as TailRow | undefined;
  checkExpectedRevision(streamId, expectedRevision, tail?.revision);
  const head = statements.head.get() as HeadRow | undefined;
  // Store time never runs backwards along the log, even if the wall clock does, so that
  // "what did we know at T" (recorded time) is a prefix of the log.
  const clock = now().toISOString();
  const recordedAt = head && head.recorded_at > clock ? head.recorded_at : clock;
  const sealed = sealEvents(
    streamId,
    events,
    append.encoded,
    { revision: tail?.revision, hash: tail?.hash ?? GENESIS_HASH },
    recordedAt,
  );
  let position = head?.position ?? 0;
  let logHash = head?.log_hash ?? GENESIS_HASH;
  const recorded: RecordedEvent[] = sealed.map((event, index) => {
    position += 1;
    logHash = hashLogLink({ position, hash: event.hash, previousLogHash: logHash });
    statements.insert.run(
      position,
      streamId,
      event.revision,
      event.id,
      event.type,
      event.schemaVersion,
      append.encoded[index]!.dataJson,
      event.metadata.actor.agency,
      event.metadata.actor.sub,
      event.metadata.correlationId,
      event.metadata.causationId ?? null,
      event.metadata.occurredAt,
      event.recordedAt,
      event.previousHash,
      event.hash,
      logHash,
    );
    return { ...event, position, logHash };
  });
  const last = recorded[recorded.length - 1]!;
  return { revision: last.revision, position: last.position, events: recorded };
}

function conflictingId(
  statements: SqliteStatements,
  append: ParsedAppend,
  cause: unknown,
): EventIdConflictError {
  const taken = append.events.find((event) =>
    statements.revisionOfEventId.get(append.streamId, event.id),
  );
  return new EventIdConflictError(append.streamId, taken?.id ?? append.events[0]!.id, { cause });
}
