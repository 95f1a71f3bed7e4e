/**
 * The publisher's side of the outbox table: pending rows in commit order, and their removal
 * once published. Rows read back are parsed like any input. It never writes while another
 * transaction is open on a shared connection (the write would join, or see, that
 * transaction); callers check `busy()` first.
 */
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { outboxTable } from './outbox-schema.ts';

const OutboxRowSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['case', 'stats']),
  key: z.string(),
  version: z.number().int(),
  message_id: z.string(),
  document: z.string(),
  time: z.string(),
});

export type OutboxRow = {
  readonly id: number;
  readonly kind: 'case' | 'stats';
  readonly key: string;
  readonly version: number;
  readonly messageId: string;
  readonly document: string;
  readonly time: string;
};

export type OutboxReader = {
  /** True while a transaction is open on the connection: do not read or write then. */
  busy(): boolean;
  pending(limit: number): OutboxRow[];
  counts(): { pending: number; rejected: number };
  /** Is a later pending row waiting for the same statistics key? */
  superseded(row: OutboxRow): boolean;
  remove(id: number): void;
  /** Quarantines a row the filter refused; `reason` must carry no document value. */
  reject(id: number, reason: string): void;
};

export function openOutboxReader(db: DatabaseSync): OutboxReader {
  const pending = db.prepare(
    `SELECT id, kind, key, version, message_id, document, time FROM ${outboxTable}
     WHERE state = 'pending' ORDER BY id LIMIT ?`,
  );
  const counts = db.prepare(
    `SELECT coalesce(sum(state = 'pending'), 0) AS pending,
            coalesce(sum(state = 'rejected'), 0) AS rejected FROM ${outboxTable}`,
  );
  const newer = db.prepare(
    `SELECT 1 AS found FROM ${outboxTable}
     WHERE state = 'pending' AND id > ? AND kind = ? AND key = ? LIMIT 1`,
  );
  const remove = db.prepare(`DELETE FROM ${outboxTable} WHERE id = ?`);
  const reject = db.prepare(
    `UPDATE ${outboxTable} SET state = 'rejected', reason = ? WHERE id = ?`,
  );
  return {
    busy: () => db.isTransaction,
    pending: (limit) =>
      pending.all(limit).map((raw) => {
        const row = OutboxRowSchema.parse(raw);
        return { ...row, messageId: row.message_id };
      }),
    counts: () => {
      const row = counts.get() as { pending: number; rejected: number };
      return { pending: Number(row.pending), rejected: Number(row.rejected) };
    },
    superseded: (row) => newer.get(row.id, row.kind, row.key) !== undefined,
    remove: (id) => {
      remove.run(id);
    },
    reject: (id, reason) => {
      reject.run(reason, id);
    },
  };
}
