/**
 * Child process of the crash test: opens the store at the URL given, appends batches of 1 to 4
 * events to three streams in a loop, and prints one `ack` line per append AFTER the append has
 * resolved. The parent kills it with SIGKILL at random moments; every acked append must then be
 * in the store, whole. Usage: node crash-writer.ts STORE_URL RUN_ID
 * Must never print an ack before the store has acknowledged the append.
 */
import { ulid } from 'ulid';
import { openEventStore } from '../open-event-store.ts';

const [url, runId] = process.argv.slice(2);
if (!url || !runId) {
  process.stderr.write('usage: node crash-writer.ts STORE_URL RUN_ID\n');
  process.exit(2);
}

const store = await openEventStore(url);
const streams = [0, 1, 2].map((index) => `crash-${runId}-${index}`);
process.stdout.write('ready\n');

for (let round = 0; ; round++) {
  const streamId = streams[round % streams.length]!;
  const size = 1 + Math.floor(Math.random() * 4);
  const batch = ulid();
  const events = Array.from({ length: size }, (_, index) => ({
    id: ulid(),
    type: 'CrashTestAppended',
    schemaVersion: 1,
    data: { batch, index, size },
    metadata: {
      actor: { agency: 'crash-test', sub: `pid-${process.pid}` },
      correlationId: batch,
      occurredAt: new Date().toISOString(),
    },
  }));
  const current = await store.streamRevision(streamId);
  const result = await store.append(streamId, events, {
    expectedRevision: current === undefined ? 'no_stream' : current,
  });
  const ids = result.events.map((event) => event.id).join(',');
  process.stdout.write(`ack ${streamId} ${result.events[0]!.revision} ${ids}\n`);
}
