/**
 * The KurrentDB adapter against the shared conformance suite, on a real server: the one at
 * KURRENTDB_URL, else a container started through testcontainers (image: KURRENTDB_IMAGE,
 * default kurrentplatform/kurrentdb:latest). With neither, the suite is reported skipped with
 * the reason; it is never run against a fake.
 */
import { containerRuntime } from '@casetrail/test-harness';
import { afterAll } from 'vitest';
import type { ConformanceRun } from '../conformance/describe-event-store-conformance.ts';
import { describeEventStoreConformance } from '../conformance/describe-event-store-conformance.ts';
import type { EventStore } from '../port.ts';
import { openKurrentDbEventStore } from './kurrentdb-event-store.ts';

type Server = { connectionString: string; stop(): Promise<void> };

async function kurrentServer(): Promise<Server | { skip: string }> {
  const fromEnv = process.env.KURRENTDB_URL;
  if (fromEnv) return { connectionString: fromEnv, stop: async () => undefined };
  const runtime = await containerRuntime();
  if (!runtime.available) return { skip: `KURRENTDB_URL is not set and ${runtime.reason}` };
  const { KurrentDbContainer } = await import('@testcontainers/kurrentdb');
  const image = process.env.KURRENTDB_IMAGE ?? 'kurrentplatform/kurrentdb:latest';
  const container = await new KurrentDbContainer(image).start();
  return {
    connectionString: container.getConnectionString(),
    stop: async () => void (await container.stop()),
  };
}

const server = await kurrentServer();
afterAll(async () => {
  if ('stop' in server) await server.stop();
});

const run: ConformanceRun =
  'skip' in server
    ? { skip: server.skip }
    : {
        async open() {
          const handles: EventStore[] = [];
          const connect = async () => {
            const store = await openKurrentDbEventStore({
              connectionString: server.connectionString,
            });
            handles.push(store);
            return store;
          };
          return {
            store: await connect(),
            url: server.connectionString,
            openAnother: connect,
            async dispose() {
              await Promise.all(handles.map((handle) => handle.close()));
            },
          };
        },
        tamperSkipReason:
          'a KurrentDB server offers no way to rewrite a stored event; the verifier rules are the ones the SQLite run proves',
      };

describeEventStoreConformance('KurrentDB', run);
