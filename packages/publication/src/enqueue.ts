/**
 * Adds a message to the outbox inside the caller's transaction. It never talks to NATS and
 * never commits: the caller's COMMIT makes the read-model change and its announcement durable
 * together, and the publisher sends it later.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { messageIdFor } from './message-id.ts';
import { type OutboxMessage, prepareMessage } from './outbox-message.ts';
import { outboxTable } from './outbox-schema.ts';
import { OutboxNotInTransactionError, OutboxUnavailableError } from './publication-errors.ts';

export type Enqueued = { readonly id: number; readonly messageId: string };

const inserts = new WeakMap<DatabaseSync, StatementSync>();

function insertStatement(db: DatabaseSync): StatementSync {
  let statement = inserts.get(db);
  if (!statement) {
    try {
      statement = db.prepare(
        `INSERT INTO ${outboxTable} (kind, key, version, message_id, document, time)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
    } catch (error) {
      throw new OutboxUnavailableError('outbox table missing: call ensureOutboxSchema(db) first', {
        cause: error,
      });
    }
    inserts.set(db, statement);
  }
  return statement;
}

/**
 * Validates and records `message`. Throws OutboxMessageInvalidError (nothing recorded) on bad
 * input and OutboxNotInTransactionError when no transaction is open on `db`: an outbox row
 * written outside the read-model transaction could announce a change that never committed.
 */
export function enqueue(db: DatabaseSync, message: OutboxMessage): Enqueued {
  const prepared = prepareMessage(message);
  if (!db.isTransaction) throw new OutboxNotInTransactionError();
  const messageId = messageIdFor(prepared);
  const result = insertStatement(db).run(
    prepared.kind,
    prepared.key,
    prepared.version,
    messageId,
    prepared.document,
    prepared.time ?? new Date().toISOString(),
  );
  return { id: Number(result.lastInsertRowid), messageId };
}
