/**
 * Test support for this package's integration tests: a real outbox SQLite file, messages
 * enqueued in a real transaction, and the stream read back message by message. Not exported
 * from the package.
 */
import { DatabaseSync } from 'node:sqlite';
import { jetstream, type StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { type Enqueued, enqueue } from './enqueue.ts';
import { NatsNames } from './nats-names.ts';
import type { OutboxMessage } from './outbox-message.ts';
import { ensureOutboxSchema } from './outbox-schema.ts';
import type { PublisherLogger } from './publisher-options.ts';

export function openOutboxDb(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: 5_000 });
  db.exec('PRAGMA journal_mode = WAL');
  ensureOutboxSchema(db);
  return db;
}

/** Enqueues `messages` in one transaction, as the projector does with its read-model writes. */
export function enqueueAll(db: DatabaseSync, messages: readonly OutboxMessage[]): Enqueued[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    const ids = messages.map((message) => enqueue(db, message));
    db.exec('COMMIT');
    return ids;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function caseMessage(caseId: string, revision: number, extra: object = {}): OutboxMessage {
  return {
    kind: 'case',
    caseId,
    document: { caseId, revision, position: 1000 + revision, stage: `stage-${revision}`, ...extra },
    time: `2025-10-29T08:00:${String(revision).padStart(2, '0')}.000Z`,
  };
}

/** Every message the stream holds, in stream order. */
export async function streamMessages(nc: NatsConnection): Promise<StoredMsg[]> {
  const jsm = await jetstream(nc).jetstreamManager();
  const { state } = await jsm.streams.info(NatsNames.stream);
  const messages: StoredMsg[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(NatsNames.stream, { seq });
    if (message) messages.push(message);
  }
  return messages;
}

/** A logger that keeps every line, so tests can assert what was (not) logged. */
export function capturingLogger(): PublisherLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: object) => {
    lines.push(JSON.stringify({ level, message, ...fields }));
  };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}
