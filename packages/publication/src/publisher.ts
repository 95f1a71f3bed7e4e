/**
 * The publisher: drains the outbox to NATS in commit order (so in order per case), keeps
 * trying with back-off while NATS is away, and reports how it is doing. It must never block
 * or fail the engine: NATS being down is a status, not an exception. Documents pass the
 * filter first; a refused one is quarantined in the outbox, logged by path, never sent.
 */
import { DatabaseSync } from 'node:sqlite';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { backOffDelay } from './back-off.ts';
import { jsonLinesLogger } from './json-lines-logger.ts';
import { ensureNatsResources, type NatsResources } from './nats-resources.ts';
import { type OutboxReader, type OutboxRow, openOutboxReader } from './outbox-reader.ts';
import { ensureOutboxSchema } from './outbox-schema.ts';
import type { FilterVerdict } from './publication-filter.ts';
import { publishRow } from './publish-row.ts';
import {
  type ParsedPublisherOptions,
  type PublisherOptions,
  parsePublisherOptions,
} from './publisher-options.ts';
import { createWakeup } from './wakeup.ts';

export type PublisherStatus = {
  readonly connected: boolean;
  /** Outbox rows still owed to NATS. */
  readonly pending: number;
  /** Rows the filter refused; they stay in the outbox, marked, and are never sent. */
  readonly rejected: number;
  /** Messages published since start. */
  readonly published: number;
  /** The last failure since the last successful pass; undefined when healthy. */
  readonly lastError: string | undefined;
  readonly lastRejection: string | undefined;
};

export type Publisher = {
  status(): PublisherStatus;
  /** Look at the outbox now (call after committing a transaction that enqueued). */
  wake(): void;
  /** Resolves true once nothing is pending, false if `timeoutMs` passes first. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Stops after the row in flight, closes the NATS connection (and the db it opened). */
  stop(): Promise<void>;
};

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function screen(options: ParsedPublisherOptions, row: OutboxRow): FilterVerdict {
  try {
    const verdict = options.filter(JSON.parse(row.document), { kind: row.kind, key: row.key });
    if (verdict?.ok === true) return verdict;
    if (verdict?.ok === false && typeof verdict.reason === 'string') return verdict;
    return { ok: false, reason: 'the filter returned no verdict' };
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    return { ok: false, reason: `the filter failed (${name})` };
  }
}

export function startPublisher(input: PublisherOptions): Publisher {
  const options = parsePublisherOptions(input);
  const logger = options.logger ?? jsonLinesLogger('casetrail-publisher');
  const ownDb = options.db === undefined;
  const db = options.db ?? new DatabaseSync(options.dbPath as string, { timeout: 5_000 });
  ensureOutboxSchema(db);
  const outbox: OutboxReader = openOutboxReader(db);
  const wakeup = createWakeup();
  let counts = outbox.counts();
  let nc: NatsConnection | undefined;
  let resources: NatsResources | undefined;
  let connected = false;
  let stopped = false;
  let failures = 0;
  let published = 0;
  let lastError: string | undefined;
  let lastRejection: string | undefined;

  async function openConnection(): Promise<void> {
    const connection = await connect({
      servers: options.servers,
      name: options.name,
      timeout: options.timeoutMs,
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.reconnectTimeWaitMs,
    });
    nc = connection;
    connected = true;
    logger.info('publisher connected to NATS', { server: connection.getServer() });
    void (async () => {
      for await (const event of connection.status()) {
        if (event.type === 'disconnect') {
          connected = false;
          lastError = 'disconnected from NATS; reconnecting';
          logger.warn('publisher lost NATS; messages stay in the outbox', {
            pending: counts.pending,
          });
        } else if (event.type === 'reconnect') {
          connected = true;
          failures = 0;
          logger.info('publisher reconnected to NATS', { pending: counts.pending });
          wakeup.wake(true);
        }
      }
    })();
    void connection.closed().then(() => {
      if (nc !== connection) return;
      nc = undefined;
      resources = undefined;
      connected = false;
    });
  }

  /** One pass over the outbox; true when a full batch was sent and more may wait. */
  async function drain(target: NatsResources): Promise<boolean> {
    if (outbox.busy()) return false;
    const rows = outbox.pending(options.batchSize);
    for (const row of rows) {
      if (stopped || !connected) return false;
      if (row.kind === 'stats' && outbox.superseded(row)) {
        outbox.remove(row.id); // only the latest statistics matter; no per-key order to keep
        continue;
      }
      const verdict = screen(options, row);
      if (!verdict.ok) {
        outbox.reject(row.id, verdict.reason);
        lastRejection = verdict.reason;
        logger.error('publication refused by the filter', {
          kind: row.kind,
          key: row.key,
          version: row.version,
          reason: verdict.reason,
        });
        continue;
      }
      const outcome = await publishRow(target, row, options.source);
      // A transaction opened meanwhile on a shared connection would swallow our DELETE: leave
      // the row; sending it again is idempotent.
      if (outbox.busy()) return false;
      outbox.remove(row.id);
      if (outcome === 'stale') {
        logger.info('outbox row older than NATS holds; not sent', { kind: row.kind, key: row.key });
      } else published += 1;
    }
    return rows.length === options.batchSize;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let delay = options.pollIntervalMs;
      let firm = false;
      try {
        if (!nc) await openConnection();
        if (nc && connected) {
          resources ??= await ensureNatsResources(nc, options.resources);
          if (await drain(resources)) delay = 0;
          failures = 0;
          lastError = undefined;
        }
      } catch (error) {
        failures += 1;
        resources = undefined; // a restarted server may have lost them: ensure again
        if (failures === 1) {
          logger.warn('publisher cannot publish to NATS; the outbox keeps everything, retrying', {
            error: describe(error),
            pending: counts.pending,
          });
        }
        lastError = describe(error);
        delay = backOffDelay(failures, {
          initialMs: options.retry.initialMs,
          maxMs: options.retry.maxMs,
        });
        firm = true;
      }
      if (!outbox.busy()) counts = outbox.counts();
      if (!stopped) await wakeup.wait(delay, firm);
    }
  }

  const running = run();

  return {
    status: () => {
      if (!outbox.busy()) counts = outbox.counts();
      return { connected, ...counts, published, lastError, lastRejection };
    },
    wake: () => wakeup.wake(),
    async flush(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!outbox.busy() && outbox.counts().pending === 0) return true;
        if (Date.now() > deadline || stopped) return false;
        wakeup.wake();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      wakeup.wake(true);
      await running;
      await nc?.close();
      if (ownDb) db.close();
    },
  };
}
