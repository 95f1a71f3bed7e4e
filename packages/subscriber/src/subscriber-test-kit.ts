/**
 * Test support for this package's integration tests: the real publisher (outbox on a real
 * SQLite file, draining to the test's private nats-server) and KV read back key by key.
 * Not exported from the package.
 */
import { DatabaseSync } from 'node:sqlite';
import {
  createDenyListFilter,
  enqueue,
  ensureOutboxSchema,
  type OutboxMessage,
  type Publisher,
  startPublisher,
} from '@casetrail/publication';
import { waitFor } from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';

export type TestPublisher = {
  readonly publisher: Publisher;
  /** Enqueues in one transaction and waits until NATS has all of it. */
  publish(messages: readonly OutboxMessage[]): Promise<void>;
  /** Enqueues only (for outages): the publisher sends it when it can. */
  enqueue(messages: readonly OutboxMessage[]): void;
  stop(): Promise<void>;
};

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export function startTestPublisher(url: string, dbPath: string): TestPublisher {
  const db = new DatabaseSync(dbPath, { timeout: 5_000 });
  ensureOutboxSchema(db);
  const publisher = startPublisher({
    db,
    servers: url,
    source: 'urn:casetrail:subscriber-test',
    filter: createDenyListFilter(['fullName']),
    logger: quiet,
    pollIntervalMs: 50,
    retry: { initialMs: 50, maxMs: 500 },
    reconnectTimeWaitMs: 100,
    timeoutMs: 1_000,
  });
  const write = (messages: readonly OutboxMessage[]) => {
    db.exec('BEGIN');
    for (const message of messages) enqueue(db, message);
    db.exec('COMMIT');
    publisher.wake();
  };
  return {
    publisher,
    enqueue: write,
    async publish(messages) {
      write(messages);
      await waitFor(() => publisher.status().pending === 0, {
        timeoutMs: 20_000,
        what: 'the publisher to drain the outbox',
      });
    },
    async stop() {
      await publisher.stop();
      db.close();
    },
  };
}

export function caseDoc(caseId: string, revision: number, extra: object = {}) {
  return {
    caseId,
    revision,
    position: 100 * revision + caseId.length,
    stage: `s${revision}`,
    ...extra,
  };
}

export function caseUpdate(caseId: string, revision: number, extra: object = {}): OutboxMessage {
  return { kind: 'case', caseId, document: caseDoc(caseId, revision, extra) };
}

/** Every case in the KV bucket, read key by key (independently of the snapshot code). */
export async function kvCases(nc: NatsConnection): Promise<Map<string, unknown>> {
  const kv = await new Kvm(nc).open('casetrail_cases');
  const state = new Map<string, unknown>();
  for await (const key of await kv.keys()) {
    const entry = await kv.get(key);
    if (entry?.operation === 'PUT') state.set(key, entry.json());
  }
  return state;
}

/** A promise the test resolves when it wants a blocked callback to go on. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
