/**
 * Test support: changes an embedded store's file directly, as someone with access to the disk
 * could, at one random place, and says where a verifier must point. The append-only triggers
 * and unique indexes are dropped first: they stop honest programs, not a forger. Never used by
 * production code.
 */
import { DatabaseSync } from 'node:sqlite';
import { canonicalJson, hashEvent, hashLogLink } from '@casetrail/event-store';
import { metadataColumns, metadataOfRow, type RawRow } from './raw-event-rows.ts';

export const TamperKind = {
  DATA: 'data',
  METADATA: 'metadata',
  TYPE: 'type',
  RECORDED_AT: 'recorded-at',
  STORED_HASH: 'stored-hash',
  STREAM: 'stream',
  SWAP_REVISIONS: 'swap-revisions',
  SWAP_POSITIONS: 'swap-positions',
  DELETE: 'delete',
  INSERT: 'insert',
} as const;
export type TamperKind = (typeof TamperKind)[keyof typeof TamperKind];
export const tamperKinds: readonly TamperKind[] = Object.values(TamperKind);

/** Where the verifier must point: a bad stream at a position, or the log chain, or the anchor. */
export type Expectation =
  | { readonly stream: string; readonly position: number }
  | { readonly logChainAt: number }
  | { readonly anchor: true };

type Row = RawRow & {
  log_hash: string;
  data: string;
  schema_version: number;
  event_id: string;
  previous_hash: string;
};

export type Random = () => number;

const forgedTypes = ['PersonRescued', 'CaseClosed', 'VictimConfirmed', 'ForgedEventRecorded'];

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

export function tamperSqliteFile(path: string, kind: TamperKind, random: Random): Expectation[] {
  const db = new DatabaseSync(path);
  try {
    // One transaction, no syncing: a forger is in no hurry to be durable, and the test is.
    db.exec('PRAGMA synchronous = OFF');
    db.exec('BEGIN');
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
    db.exec('DROP TRIGGER IF EXISTS events_append_only_delete');
    db.exec('DROP INDEX IF EXISTS events_stream_revision');
    db.exec('DROP INDEX IF EXISTS events_stream_event_id');
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
    const expected = tamper(db, rows, kind, random);
    db.exec('COMMIT');
    return expected;
  } finally {
    db.close();
  }
}

function tamper(db: DatabaseSync, rows: Row[], kind: TamperKind, random: Random): Expectation[] {
  const set = (position: number, column: string, value: string | number) =>
    db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(value, position);
  const row = pick(random, rows);
  const here = [{ stream: row.stream_id, position: row.position }];
  switch (kind) {
    case 'data':
      set(row.position, 'data', canonicalJson(changeOneLeaf(JSON.parse(row.data), random)));
      return here;
    case 'metadata': {
      const changed = changeOneLeaf(
        metadataOfRow(row) as unknown as Record<string, unknown>,
        random,
      );
      for (const [column, value] of Object.entries(metadataColumns(changed as never, row))) {
        db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(value, row.position);
      }
      return here;
    }
    case 'type':
      set(
        row.position,
        'type',
        pick(
          random,
          forgedTypes.filter((type) => type !== row.type),
        ),
      );
      return here;
    case 'recorded-at':
      set(
        row.position,
        'recorded_at',
        new Date(Date.parse(row.recorded_at) - 1000 - Math.floor(random() * 1e9)).toISOString(),
      );
      return here;
    case 'stored-hash':
      set(
        row.position,
        'hash',
        row.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')),
      );
      return here;
    case 'stream': {
      const other = pick(
        random,
        rows.filter((r) => r.stream_id !== row.stream_id),
      );
      set(row.position, 'stream_id', other.stream_id);
      // Both streams break: the moved event's own, and the one it was taken from if it had more.
      return [{ stream: other.stream_id, position: row.position }];
    }
    case 'swap-revisions': {
      const pairs = rows.flatMap((a) => {
        const b = rows.find((r) => r.stream_id === a.stream_id && r.revision === a.revision + 1);
        return b ? [[a, b] as const] : [];
      });
      const [a, b] = pick(random, pairs);
      set(a.position, 'revision', b.revision);
      set(b.position, 'revision', a.revision);
      return [{ stream: a.stream_id, position: a.position }];
    }
    case 'swap-positions': {
      const other = pick(
        random,
        rows.filter((r) => r.position !== row.position),
      );
      set(row.position, 'position', -1);
      set(other.position, 'position', row.position);
      set(-1, 'position', other.position);
      return [{ logChainAt: Math.min(row.position, other.position) }];
    }
    case 'delete': {
      db.prepare('DELETE FROM events WHERE position = ?').run(row.position);
      const next = rows.find((r) => r.position > row.position);
      return [next ? { logChainAt: next.position } : { anchor: true }];
    }
    case 'insert':
      return insertForgedRow(db, rows, random);
  }
}

/**
 * A careful forger: a new event in the middle of the log, for a real stream, with its stream
 * hash and its log hash computed correctly from its predecessors. Only what follows can tell.
 */
function insertForgedRow(db: DatabaseSync, rows: Row[], random: Random): Expectation[] {
  const after = pick(random, rows.slice(0, -1));
  const victim = pick(
    random,
    rows.filter((r) => r.position <= after.position),
  );
  const last = rows
    .filter((r) => r.stream_id === victim.stream_id && r.position <= after.position)
    .at(-1)!;
  db.exec(`UPDATE events SET position = -position WHERE position > ${after.position}`);
  db.exec('UPDATE events SET position = 1 - position WHERE position < 0');
  const metadata = { ...metadataOfRow(last), correlationId: '01JFRGED000000000000000001' };
  const forged = {
    id: '01JFRGED000000000000000000',
    type: 'CaseClosed',
    schemaVersion: 1,
    data: { reason: 'withdrawn' },
    metadata,
    streamId: victim.stream_id,
    revision: last.revision + 1,
    recordedAt: last.recorded_at,
    previousHash: last.hash,
  };
  const hash = hashEvent(forged);
  const position = after.position + 1;
  const columns: Record<string, string | number | null> = {
    ...last,
    position,
    revision: forged.revision,
    event_id: forged.id,
    type: forged.type,
    schema_version: forged.schemaVersion,
    data: canonicalJson(forged.data),
    ...metadataColumns(metadata, last),
    previous_hash: forged.previousHash,
    hash,
    log_hash: hashLogLink({ position, hash, previousLogHash: after.log_hash }),
  };
  const names = Object.keys(columns);
  db.prepare(
    `INSERT INTO events (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  ).run(...Object.values(columns));
  return [{ logChainAt: position + 1 }];
}

/** Changes one leaf value of a JSON object, keeping its type so the row still decodes. */
function changeOneLeaf(value: Record<string, unknown>, random: Random): Record<string, unknown> {
  const leaves: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) visit(node, index, child);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node))
        visit(node as Record<string, unknown>, key, child);
    }
  };
  const visit = (
    holder: Record<string, unknown> | unknown[],
    key: string | number,
    child: unknown,
  ) => {
    if (child !== null && typeof child === 'object') walk(child);
    else leaves.push({ holder, key });
  };
  walk(value);
  const { holder, key } = pick(random, leaves);
  const old = (holder as Record<string | number, unknown>)[key];
  (holder as Record<string | number, unknown>)[key] =
    typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : changeString(String(old));
  return value;
}

/** A different string of the same shape where it matters (dates stay dates, ids stay ids). */
function changeString(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return new Date(Date.parse(text) + 1000).toISOString();
  const last = text.at(-1) ?? 'a';
  return text.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}
