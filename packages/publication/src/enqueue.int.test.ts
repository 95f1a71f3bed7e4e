import { DatabaseSync } from 'node:sqlite';
import { tempDir } from '@casetrail/test-harness';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueue } from './enqueue.ts';
import { messageIdFor } from './message-id.ts';
import { ensureOutboxSchema, outboxTable } from './outbox-schema.ts';
import {
  OutboxMessageInvalidError,
  OutboxNotInTransactionError,
  OutboxUnavailableError,
} from './publication-errors.ts';

describe('enqueue on a real SQLite file', () => {
  const dir = tempDir('casetrail-enqueue-');
  afterAll(() => dir.remove());
  const document = { caseId: 'C1', revision: 0, position: 5 };

  function freshDb(name: string): DatabaseSync {
    const db = new DatabaseSync(`${dir.path}/${name}.db`);
    ensureOutboxSchema(db);
    ensureOutboxSchema(db); // idempotent
    return db;
  }
  const rows = (db: DatabaseSync) => db.prepare(`SELECT * FROM ${outboxTable} ORDER BY id`).all();

  it('commits and rolls back with the caller’s transaction', () => {
    const db = freshDb('tx');
    db.exec('BEGIN');
    const { id, messageId } = enqueue(db, {
      kind: 'case',
      caseId: 'C1',
      document,
      time: '2025-10-29T10:00:00+08:00',
    });
    db.exec('COMMIT');
    db.exec('BEGIN');
    enqueue(db, { kind: 'case', caseId: 'C1', document: { ...document, revision: 1 } });
    db.exec('ROLLBACK');

    expect(messageId).toBe(
      messageIdFor({ kind: 'case', key: 'C1', version: 0, document: JSON.stringify(document) }),
    );
    expect(rows(db)).toEqual([
      {
        id,
        kind: 'case',
        key: 'C1',
        version: 0,
        message_id: messageId,
        document: JSON.stringify(document),
        time: '2025-10-29T10:00:00+08:00',
        state: 'pending',
        reason: null,
      },
    ]);
  });

  it('refuses to write outside a transaction', () => {
    const db = freshDb('no-tx');
    expect(() => enqueue(db, { kind: 'case', caseId: 'C1', document })).toThrow(
      OutboxNotInTransactionError,
    );
    expect(rows(db)).toEqual([]);
  });

  it('records nothing for bad input, naming what is wrong', () => {
    const db = freshDb('bad');
    db.exec('BEGIN');
    expect(() =>
      enqueue(db, {
        kind: 'case',
        caseId: 'C1',
        document: { revision: '1', position: 0 } as never,
      }),
    ).toThrow(/document\.revision: Invalid input: expected number, received string/);
    expect(() =>
      enqueue(db, { kind: 'stats', key: 'regional' as never, document: { position: 1 } }),
    ).toThrow(OutboxMessageInvalidError);
    db.exec('COMMIT');
    expect(rows(db)).toEqual([]);
  });

  it('says so when the outbox table was never created', () => {
    const db = new DatabaseSync(`${dir.path}/bare.db`);
    db.exec('BEGIN');
    expect(() => enqueue(db, { kind: 'case', caseId: 'C1', document })).toThrow(
      OutboxUnavailableError,
    );
    db.exec('ROLLBACK');
  });
});
