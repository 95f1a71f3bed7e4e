/**
 * The embedded access log: its own SQLite file (e.g. DATA_DIR/access-log.db) in WAL mode with
 * synchronous=FULL, so an acknowledged entry survives a crash. Each append reads the head and
 * inserts in one IMMEDIATE transaction, so concurrent callers (and other processes) cannot
 * fork the chain. Triggers refuse UPDATE and DELETE: the log is append-only by construction,
 * and by verification against anyone who edits the file directly.
 */
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { accessEntryHash, GENESIS_HASH } from './access-chain.ts';
import { verifyAccessChain } from './access-chain-verify.ts';
import {
  type AccessLog,
  type AccessLogEntry,
  type AccessLogHead,
  AccessRecordSchema,
} from './access-log.ts';
import { type AccessLogRow, chainedContentOf, entryFromRow } from './access-log-row.ts';
import { AccessLogError, InvalidInputError } from './errors.ts';
import { parseInput } from './parse-input.ts';

const HeadRowSchema = z
  .object({ sequence: z.number().int().positive(), hash: z.string() })
  .transform(({ sequence, hash }) => ({ sequence, hash }))
  .optional();

export type SqliteAccessLogOptions = { readonly path: string };

const schema = `
  CREATE TABLE IF NOT EXISTS access_log (
    sequence INTEGER PRIMARY KEY, at TEXT NOT NULL, agency TEXT NOT NULL, sub TEXT NOT NULL,
    case_id TEXT NOT NULL, purpose TEXT, channel TEXT NOT NULL,
    previous_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS access_log_by_case ON access_log (case_id, sequence);
  CREATE INDEX IF NOT EXISTS access_log_by_sub ON access_log (sub, sequence);
  CREATE INDEX IF NOT EXISTS access_log_by_agency ON access_log (agency, sequence);
  CREATE TABLE IF NOT EXISTS access_log_head (
    id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, hash TEXT NOT NULL) STRICT;
  CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;`;

function openDatabase(path: string): DatabaseSync {
  try {
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL; ${schema}`);
    return db;
  } catch (error) {
    throw new AccessLogError(`could not open the access log ${path}`, { cause: error });
  }
}

export function openSqliteAccessLog(options: SqliteAccessLogOptions): AccessLog {
  const { path } = options;
  const db = openDatabase(path);
  let open = true;
  const readHead = db.prepare('SELECT sequence, hash FROM access_log_head WHERE id = 1');
  const insert = db.prepare(`INSERT INTO access_log VALUES
    ($sequence, $at, $agency, $sub, $case_id, $purpose, $channel, $previous_hash, $hash)`);
  const writeHead = db.prepare(`INSERT INTO access_log_head VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash`);
  const columns = 'sequence, at, agency, sub, case_id, purpose, channel, previous_hash, hash';
  const byCase = db.prepare(
    `SELECT ${columns} FROM access_log WHERE case_id = ? ORDER BY sequence`,
  );
  const bySub = db.prepare(`SELECT ${columns} FROM access_log WHERE sub = ? ORDER BY sequence`);
  const byAgency = db.prepare(
    `SELECT ${columns} FROM access_log WHERE agency = ? ORDER BY sequence`,
  );
  const all = db.prepare(`SELECT ${columns} FROM access_log ORDER BY sequence`);

  const currentHead = (): AccessLogHead | undefined => HeadRowSchema.parse(readHead.get());

  /** Runs one operation; translates SQLite errors at this edge. */
  const run = <T>(operation: () => T): Promise<T> => {
    try {
      if (!open) throw new AccessLogError(`the access log ${path} is closed`);
      return Promise.resolve(operation());
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof AccessLogError) {
        return Promise.reject(error);
      }
      return Promise.reject(new AccessLogError(`access log ${path} failed`, { cause: error }));
    }
  };

  const list = (statement: typeof byCase, key: unknown, what: string) =>
    run(() => {
      if (typeof key !== 'string' || key.length === 0) {
        throw new InvalidInputError(what, ['(value): must be a non-empty string']);
      }
      return (statement.all(key) as AccessLogRow[]).map(entryFromRow);
    });

  return {
    record: (access) =>
      run((): AccessLogEntry => {
        const entry = parseInput(AccessRecordSchema, access, 'access record');
        db.exec('BEGIN IMMEDIATE');
        try {
          const head = currentHead();
          const row = {
            sequence: (head?.sequence ?? 0) + 1,
            at: entry.at,
            agency: entry.actor.agency,
            sub: entry.actor.sub,
            case_id: entry.caseId,
            purpose: entry.purpose ?? null,
            channel: entry.channel,
            previous_hash: head?.hash ?? GENESIS_HASH,
          };
          const hash = accessEntryHash(chainedContentOf(row));
          insert.run({ ...row, hash });
          writeHead.run(row.sequence, hash);
          db.exec('COMMIT');
          return entryFromRow({ ...row, hash });
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    listByCase: (caseId) => list(byCase, caseId, 'case id'),
    listByUser: (sub) => list(bySub, sub, 'user (sub)'),
    listByAgency: (agency) => list(byAgency, agency, 'agency'),
    head: () => run(() => currentHead()),
    verify: () =>
      run(() => {
        // One read transaction: the rows and the head are checked as of the same moment.
        db.exec('BEGIN');
        try {
          return verifyAccessChain(all.iterate() as Iterable<AccessLogRow>, currentHead());
        } finally {
          db.exec('COMMIT');
        }
      }),
    close: async () => {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
