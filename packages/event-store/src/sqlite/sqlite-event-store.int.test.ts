/**
 * The embedded store against the shared conformance suite, on real SQLite files, plus what is
 * SQLite's own: the durability pragmas, and several processes on one file (a subscriber in
 * another process sees appends promptly; writers in several processes race correctly).
 */
import { tempDir } from '@casetrail/test-harness';
import { ulid } from 'ulid';
import { afterAll } from 'vitest';
import { describeEventStoreConformance } from '../conformance/describe-event-store-conformance.ts';
import { openSqliteEventStore } from './sqlite-event-store.ts';
import { tamperWithSqlite } from './sqlite-tamper.ts';

const dir = tempDir('casetrail-event-store-');
afterAll(() => dir.remove());

describeEventStoreConformance('SQLite', {
  async open() {
    const path = `${dir.path}/${ulid()}.db`;
    const store = await openSqliteEventStore({ path });
    const others: { close(): Promise<void> }[] = [];
    return {
      store,
      url: `sqlite:${path}`,
      async openAnother() {
        const other = await openSqliteEventStore({ path });
        others.push(other);
        return other;
      },
      async dispose() {
        await Promise.all([store, ...others].map((handle) => handle.close()));
      },
    };
  },
  tamper: tamperWithSqlite,
});
