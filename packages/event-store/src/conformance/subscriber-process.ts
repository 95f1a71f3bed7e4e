/**
 * Child process for multi-process tests: subscribes to the whole log of the store at the URL
 * given (after an optional checkpoint) and prints `event <position> <streamId> <revision>` per
 * event as it arrives. Usage: node subscriber-process.ts STORE_URL [AFTER_POSITION]
 * Prints `live` once subscribed. Never writes to the store.
 */
import { openEventStore } from '../open-event-store.ts';

const [url, after] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node subscriber-process.ts STORE_URL [AFTER_POSITION]\n');
  process.exit(2);
}
const store = await openEventStore(url);
const options = after === undefined ? {} : { afterPosition: Number(after) };
process.stdout.write('live\n');
for await (const event of store.subscribeToAll(options)) {
  process.stdout.write(`event ${event.position} ${event.streamId} ${event.revision}\n`);
}
