/**
 * Child process for multi-process tests: appends COUNT single events to the shared stream given,
 * each with the revision it last read as expected revision, retrying on a concurrency conflict,
 * and prints `won <revision> <id>` per event it wrote and `conflicts <n>` at the end.
 * Usage: node writer-process.ts STORE_URL STREAM_ID COUNT
 */
import { ulid } from 'ulid';
import { isConcurrencyError } from '../errors.ts';
import { openEventStore } from '../open-event-store.ts';

const [url, streamId, count] = process.argv.slice(2);
if (!url || !streamId || !count) {
  process.stderr.write('usage: node writer-process.ts STORE_URL STREAM_ID COUNT\n');
  process.exit(2);
}
const store = await openEventStore(url);
let conflicts = 0;
for (let won = 0; won < Number(count); ) {
  const id = ulid();
  const current = await store.streamRevision(streamId);
  try {
    const result = await store.append(
      streamId,
      [
        {
          id,
          type: 'RaceTestAppended',
          schemaVersion: 1,
          data: { pid: process.pid, won },
          metadata: {
            actor: { agency: 'race-test', sub: `pid-${process.pid}` },
            correlationId: id,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      { expectedRevision: current === undefined ? 'no_stream' : current },
    );
    process.stdout.write(`won ${result.revision} ${id}\n`);
    won += 1;
  } catch (error) {
    if (!isConcurrencyError(error)) throw error;
    conflicts += 1;
  }
}
process.stdout.write(`conflicts ${conflicts}\n`);
await store.close();
