/**
 * Test support: the rows of an embedded store's `events` table read straight from the file
 * with node:sqlite, bypassing the event store's code, so tests can recompute things their own
 * way. Reads both the column layout with one `metadata` JSON column and the one with a column
 * per metadata field. Never used by production code.
 */
import { DatabaseSync } from 'node:sqlite';

export type RawRow = Record<string, string | number | null> & {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  hash: string;
};

export type RawMetadata = {
  actor: { agency: string; sub: string };
  correlationId: string;
  causationId?: string;
  occurredAt: string;
};

export function rawEventRows(path: string, streamId?: string): RawRow[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const where = streamId === undefined ? '' : ' WHERE stream_id = ?';
    const statement = db.prepare(`SELECT * FROM events${where} ORDER BY position`);
    return (streamId === undefined ? statement.all() : statement.all(streamId)) as RawRow[];
  } finally {
    db.close();
  }
}

export function metadataOfRow(row: Record<string, unknown>): RawMetadata {
  if (typeof row.metadata === 'string') return JSON.parse(row.metadata) as RawMetadata;
  return {
    actor: { agency: String(row.actor_agency), sub: String(row.actor_sub) },
    correlationId: String(row.correlation_id),
    ...(row.causation_id == null ? {} : { causationId: String(row.causation_id) }),
    occurredAt: String(row.occurred_at),
  };
}

/** The columns that hold the metadata, for `metadata` written back after a change. */
export function metadataColumns(
  metadata: RawMetadata,
  layout: Record<string, unknown>,
): Record<string, string | null> {
  if ('metadata' in layout) return { metadata: JSON.stringify(metadata) };
  return {
    actor_agency: metadata.actor.agency,
    actor_sub: metadata.actor.sub,
    correlation_id: metadata.correlationId,
    causation_id: metadata.causationId ?? null,
    occurred_at: metadata.occurredAt,
  };
}
