/**
 * Test support: edits an embedded store's file directly, as someone with access to the disk
 * could, to prove the verifier notices. It drops the append-only triggers first (they only stop
 * honest programs). Never used by production code.
 */
import { DatabaseSync } from 'node:sqlite';
import type { Tamperer, TamperTarget } from '../conformance/conformance-target.ts';
import { canonicalJson } from '../integrity/canonical-json.ts';
import { hashEvent } from '../integrity/hash-chain.ts';
import { parseStoreUrl } from '../open-event-store.ts';
import { decodeEventRow, eventColumns } from './event-row.ts';

export const tamperWithSqlite: Tamperer = async (fixture, kind, target, other) => {
  const location = parseStoreUrl(fixture.url);
  if (location.kind !== 'sqlite') throw new Error('tamperWithSqlite needs a sqlite: URL');
  const db = new DatabaseSync(location.path, { timeout: 5_000 });
  try {
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
    db.exec('DROP TRIGGER IF EXISTS events_append_only_delete');
    const row = (at: TamperTarget) =>
      db
        .prepare(`SELECT ${eventColumns} FROM events WHERE stream_id = ? AND revision = ?`)
        .get(at.streamId, at.revision) as Record<string, unknown> | undefined;
    const position = (at: TamperTarget) => {
      const found = row(at);
      if (!found) throw new Error(`no event ${at.streamId}@${at.revision} to tamper with`);
      return found.position as number;
    };
    const update = (sql: string, ...values: (string | number)[]) => db.prepare(sql).run(...values);
    const at = position(target);
    switch (kind) {
      case 'data':
        update(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = ?`, at);
        break;
      case 'metadata':
        update(`UPDATE events SET actor_agency = 'someone-else' WHERE position = ?`, at);
        break;
      case 'type':
        update('UPDATE events SET type = ? WHERE position = ?', 'ForgedEventRecorded', at);
        break;
      case 'swap-revisions': {
        const next = position({ streamId: target.streamId, revision: target.revision + 1 });
        update('UPDATE events SET revision = -1 WHERE position = ?', at);
        update('UPDATE events SET revision = ? WHERE position = ?', target.revision, next);
        update('UPDATE events SET revision = ? WHERE position = ?', target.revision + 1, at);
        break;
      }
      case 'swap-positions': {
        if (!other) throw new Error('swap-positions needs a second event');
        const second = position(other);
        update('UPDATE events SET position = -1 WHERE position = ?', at);
        update('UPDATE events SET position = ? WHERE position = ?', at, second);
        update('UPDATE events SET position = ? WHERE position = -1', second);
        break;
      }
      case 'delete':
        update('DELETE FROM events WHERE position = ?', at);
        break;
      case 'forge-with-hash': {
        const event = decodeEventRow(Object.values(row(target) ?? {}));
        const data = { ...event.data, tampered: 1 };
        const hash = hashEvent({ ...event, data });
        update(
          'UPDATE events SET data = ?, hash = ? WHERE position = ?',
          canonicalJson(data),
          hash,
          at,
        );
        break;
      }
      case 'garble':
        update(`UPDATE events SET data = 'not json {' WHERE position = ?`, at);
        break;
    }
  } finally {
    db.close();
  }
};
