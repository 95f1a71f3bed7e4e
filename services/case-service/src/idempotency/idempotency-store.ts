/**
 * Durable Idempotency-Key records, one SQLite file in the data directory, keyed by
 * (agency, key). A record is claimed before a command runs and completed with the answer
 * after; its request id seeds the command's event ids, so a retry after a crash between
 * append and completion is recognised in the stream instead of being recorded twice.
 * It stores a hash of the request and the answer (ids, revisions), never the request body.
 */
import { DatabaseSync } from 'node:sqlite';
import { newUlid } from '../commands/new-ulid.ts';

export type StoredAnswer = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

export type Claim =
  /** This caller runs the command; `requestId` seeds its event ids. */
  | { kind: 'claimed'; requestId: string }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'mismatch' }
  /** Another caller holds a live claim on the key. */
  | { kind: 'in-progress' };

export type IdempotencyStore = {
  claim(agency: string, key: string, fingerprint: string): Claim;
  complete(agency: string, key: string, requestId: string, answer: StoredAnswer): void;
  /** Gives the claim up without an answer (a retryable failure); the request id is kept. */
  release(agency: string, key: string, requestId: string): void;
  close(): void;
};

type Row = {
  fingerprint: string;
  state: 'pending' | 'done';
  request_id: string;
  claimed_at: number;
  answer: string | null;
};

export type IdempotencyStoreOptions = {
  readonly path: string;
  /** A pending claim older than this is taken over (its owner died). */
  readonly leaseMs?: number;
  readonly now?: () => number;
};

export function openIdempotencyStore(options: IdempotencyStoreOptions): IdempotencyStore {
  const leaseMs = options.leaseMs ?? 30_000;
  const now = options.now ?? Date.now;
  const db = new DatabaseSync(options.path);
  // Same durability as the event store: an answer acknowledged is an answer kept.
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
    CREATE TABLE IF NOT EXISTS idempotency_keys (
      agency TEXT NOT NULL,
      key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
      request_id TEXT NOT NULL,
      claimed_at INTEGER NOT NULL,
      answer TEXT,
      PRIMARY KEY (agency, key)
    ) WITHOUT ROWID;
  `);
  const select = db.prepare(
    'SELECT fingerprint, state, request_id, claimed_at, answer FROM idempotency_keys WHERE agency = ? AND key = ?',
  );
  const insert = db.prepare(
    `INSERT INTO idempotency_keys (agency, key, fingerprint, state, request_id, claimed_at)
     VALUES (?, ?, ?, 'pending', ?, ?)`,
  );
  const takeOver = db.prepare(
    "UPDATE idempotency_keys SET claimed_at = ? WHERE agency = ? AND key = ? AND state = 'pending'",
  );
  const finish = db.prepare(
    `UPDATE idempotency_keys SET state = 'done', answer = ?
     WHERE agency = ? AND key = ? AND request_id = ? AND state = 'pending'`,
  );
  const expire = db.prepare(
    `UPDATE idempotency_keys SET claimed_at = 0
     WHERE agency = ? AND key = ? AND request_id = ? AND state = 'pending'`,
  );

  const claimInTransaction = (agency: string, key: string, fingerprint: string): Claim => {
    const row = select.get(agency, key) as Row | undefined;
    if (!row) {
      const requestId = newUlid();
      insert.run(agency, key, fingerprint, requestId, now());
      return { kind: 'claimed', requestId };
    }
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'done' && row.answer) {
      return { kind: 'replay', answer: JSON.parse(row.answer) as StoredAnswer };
    }
    if (now() - row.claimed_at < leaseMs) return { kind: 'in-progress' };
    takeOver.run(now(), agency, key);
    return { kind: 'claimed', requestId: row.request_id };
  };

  return {
    claim(agency, key, fingerprint) {
      // IMMEDIATE: take the write lock before reading, so two processes cannot both claim.
      db.exec('BEGIN IMMEDIATE');
      try {
        const claim = claimInTransaction(agency, key, fingerprint);
        db.exec('COMMIT');
        return claim;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    complete(agency, key, requestId, answer) {
      finish.run(JSON.stringify(answer), agency, key, requestId);
    },
    release(agency, key, requestId) {
      expire.run(agency, key, requestId);
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
