/**
 * The embedded key store: one SQLite file of its own (e.g. DATA_DIR/keys.db), apart from the
 * event store, holding each subject's data key wrapped under the master key, and a tombstone
 * per destroyed key. It must never hold a data key unwrapped, and never leave a destroyed
 * key's wrapped bytes in its files: secure_delete zeroes freed cells, and the rollback journal
 * (not WAL) means no old page outlives the commit in a file SQLite keeps.
 */
import { type KeyObject, timingSafeEqual } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { InvalidInputError, KeyStoreError, KeyUnwrapError, WrongMasterKeyError } from './errors.ts';
import type { DataKeyLookup, KeyDestruction, KeyStore } from './key-store.ts';
import { SubjectIdSchema } from './key-store.ts';
import { createWrappedDataKey, masterKeyCheck, unwrapDataKey } from './key-wrap.ts';
import { parseInput } from './parse-input.ts';

export type SqliteKeyStoreOptions = {
  readonly path: string;
  readonly masterKey: KeyObject;
  /** Clock for tombstones; defaults to the system clock. */
  readonly now?: () => Date;
};

const schema = `
  CREATE TABLE IF NOT EXISTS key_store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS data_keys (
    subject_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS tombstones (
    subject_id TEXT PRIMARY KEY, destroyed_at TEXT NOT NULL, had_key INTEGER NOT NULL) STRICT;`;

// Rows are parsed like any input read back from storage: a hand-edited file fails loudly.
const KeyRowSchema = z.object({
  wrapped: z.instanceof(Uint8Array).nullable(),
  destroyed_at: z.string().nullable(),
});
const TombstoneRowSchema = z.object({ destroyed_at: z.string(), had_key: z.number() }).optional();

function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function openDatabase(path: string): DatabaseSync {
  try {
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = DELETE;
      PRAGMA secure_delete = ON; PRAGMA synchronous = FULL; ${schema}`);
    chmodSync(path, 0o600);
    return db;
  } catch (error) {
    throw new KeyStoreError(`could not open the key store ${path}`, { cause: error });
  }
}

/** Records the master key's check value on first open; refuses any other key afterwards. */
function checkMasterKey(db: DatabaseSync, path: string, masterKey: KeyObject): void {
  const expected = Buffer.from(masterKeyCheck(masterKey));
  const matches = transaction(db, () => {
    const row = db
      .prepare(`SELECT value FROM key_store_meta WHERE name = 'master_key_check'`)
      .get() as { value: string } | undefined;
    if (!row) {
      db.prepare(`INSERT INTO key_store_meta VALUES ('master_key_check', ?)`).run(
        expected.toString(),
      );
      return true;
    }
    const stored = Buffer.from(row.value);
    return stored.length === expected.length && timingSafeEqual(stored, expected);
  });
  if (!matches) throw new WrongMasterKeyError(path);
}

export function openSqliteKeyStore(options: SqliteKeyStoreOptions): KeyStore {
  const { path, masterKey, now = () => new Date() } = options;
  const db = openDatabase(path);
  try {
    checkMasterKey(db, path, masterKey);
  } catch (error) {
    db.close();
    if (error instanceof WrongMasterKeyError) throw error;
    throw new KeyStoreError(`could not check the master key of ${path}`, { cause: error });
  }
  let open = true;

  const lookup = db.prepare(`SELECT k.wrapped, t.destroyed_at FROM (SELECT ? AS id) AS s
    LEFT JOIN data_keys AS k ON k.subject_id = s.id
    LEFT JOIN tombstones AS t ON t.subject_id = s.id`);
  const insertKey = db.prepare('INSERT INTO data_keys VALUES (?, ?, ?)');
  const deleteKey = db.prepare('DELETE FROM data_keys WHERE subject_id = ?');
  const tombstone = db.prepare('SELECT destroyed_at, had_key FROM tombstones WHERE subject_id = ?');
  const insertTombstone = db.prepare('INSERT INTO tombstones VALUES (?, ?, ?)');

  const read = (subjectId: string): DataKeyLookup | undefined => {
    const row = KeyRowSchema.parse(lookup.get(subjectId));
    if (row.destroyed_at !== null) {
      return { state: 'destroyed', subjectId, destroyedAt: row.destroyed_at };
    }
    if (row.wrapped === null) return undefined;
    const key = unwrapDataKey(masterKey, subjectId, row.wrapped);
    if (!key) throw new KeyUnwrapError(subjectId);
    return { state: 'active', subjectId, key };
  };

  /** Runs one operation: validates the subject, translates SQLite errors at this edge. */
  const run = <T>(subjectId: unknown, operation: (subjectId: string) => T): Promise<T> => {
    try {
      if (!open) throw new KeyStoreError(`the key store ${path} is closed`);
      return Promise.resolve(operation(parseInput(SubjectIdSchema, subjectId, 'subject id')));
    } catch (error) {
      const ours = error instanceof KeyUnwrapError || error instanceof InvalidInputError;
      if (ours || error instanceof KeyStoreError) return Promise.reject(error);
      return Promise.reject(new KeyStoreError(`key store ${path} failed`, { cause: error }));
    }
  };

  return {
    getKey: (subjectId) => run(subjectId, read),
    getOrCreateKey: (subjectId) =>
      run(subjectId, (id) =>
        transaction(db, () => {
          const existing = read(id);
          if (existing) return existing;
          const { key, wrapped } = createWrappedDataKey(masterKey, id);
          insertKey.run(id, wrapped, now().toISOString());
          return { state: 'active', subjectId: id, key } as const;
        }),
      ),
    destroyKey: (subjectId) =>
      run(
        subjectId,
        (id): KeyDestruction =>
          transaction(db, () => {
            const previous = TombstoneRowSchema.parse(tombstone.get(id));
            if (previous) {
              return {
                subjectId: id,
                destroyedAt: previous.destroyed_at,
                hadKey: previous.had_key === 1,
              };
            }
            const hadKey = Number(deleteKey.run(id).changes) > 0;
            const destroyedAt = now().toISOString();
            insertTombstone.run(id, destroyedAt, hadKey ? 1 : 0);
            return { subjectId: id, destroyedAt, hadKey };
          }),
      ),
    close: async () => {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
