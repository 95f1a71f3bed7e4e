/**
 * Follows the statistics (`national` and `public`) from the KV bucket casetrail_stats: a
 * snapshot, then a KV watch resumed from the bucket sequence after it. KV rather than the
 * stream because `public` has no subject. Only the latest figures matter, so nothing is
 * repaired key by key: a reconnect restarts the watch after the last KV sequence seen and
 * re-reads both keys, keeping what is not older (by `position`).
 */
import { jetstream } from '@nats-io/jetstream';
import { type KvEntry, Kvm } from '@nats-io/kv';
import { z } from 'zod';
import { callGuarded } from './call-guarded.ts';
import { readKvSnapshot } from './kv-snapshot.ts';
import { NatsNames, type StatsKey, statsKeys } from './nats-names.ts';
import { parseWith, type StatsDocument, StatsDocumentSchema } from './projection-documents.ts';
import { pause, retryDelay } from './retry-pause.ts';
import {
  type ConnectionOptions,
  callback,
  connectionShape,
  openConnection,
  parseOptions,
} from './subscriber-connection.ts';
import { SubscriberUnavailableError } from './subscriber-errors.ts';

type Awaitable = void | Promise<void>;

export type StatsUpdate = {
  readonly key: StatsKey;
  readonly document: StatsDocument;
  readonly previous: StatsDocument | undefined;
};

export type StatsSubscriberOptions = ConnectionOptions & {
  readonly onSnapshot?: (stats: ReadonlyMap<StatsKey, StatsDocument>) => Awaitable;
  readonly onUpdate?: (update: StatsUpdate) => Awaitable;
};

export type StatsSubscriber = {
  readonly stats: ReadonlyMap<StatsKey, StatsDocument>;
  status(): { connected: boolean; revision: number; lastError: string | undefined };
  close(): Promise<void>;
};

const OptionsSchema = z.object({
  ...connectionShape,
  onSnapshot: callback('onSnapshot').optional(),
  onUpdate: callback('onUpdate').optional(),
});

const parseStats = (read: () => unknown) => parseWith(StatsDocumentSchema, read);
const isStatsKey = (key: string): key is StatsKey => (statsKeys as readonly string[]).includes(key);
const order = (document: StatsDocument) => document.position ?? -1;

export async function openStatsSubscriber(input: StatsSubscriberOptions): Promise<StatsSubscriber> {
  const options = parseOptions(OptionsSchema, input);
  let restart: (() => void) | undefined;
  let needsRepair = false;
  const connection = await openConnection(
    input,
    options.servers,
    'casetrail-stats-subscriber',
    () => {
      needsRepair = true;
      restart?.();
    },
  );
  const { nc, logger } = connection;
  const unavailable = async (error: unknown): Promise<never> => {
    await nc.close();
    throw new SubscriberUnavailableError(
      `cannot take a snapshot: is ${NatsNames.statsBucket} created (has the publisher run)?`,
      { cause: error },
    );
  };
  const kv = await new Kvm(jetstream(nc)).open(NatsNames.statsBucket).catch(unavailable);
  const stats = new Map<StatsKey, StatsDocument>();
  let revision = 0;
  let lastError: string | undefined;
  let closed = false;

  async function offer(key: string, document: StatsDocument, notify: boolean): Promise<void> {
    if (!isStatsKey(key)) return;
    const previous = stats.get(key);
    if (previous && order(document) < order(previous)) return;
    stats.set(key, document);
    if (notify)
      await callGuarded(logger, 'onUpdate', () => input.onUpdate?.({ key, document, previous }));
  }

  async function take(entry: KvEntry): Promise<void> {
    revision = Math.max(revision, entry.revision);
    if (entry.operation !== 'PUT') return;
    const parsed = parseStats(() => entry.json());
    if (parsed.ok) await offer(entry.key, parsed.value, true);
    else
      logger.warn('unreadable statistics in KV skipped', {
        key: entry.key,
        problem: parsed.problem,
      });
  }

  async function repair(): Promise<void> {
    for (const key of statsKeys) {
      const entry = await kv.get(key);
      if (entry) await take(entry);
    }
  }

  async function watchLoop(): Promise<void> {
    let failures = 0;
    while (!closed) {
      try {
        if (!connection.connected()) {
          // Requests sent now would wait for the reconnect and then time out: wait for it.
          await pause(60_000, () => closed || connection.connected());
          continue;
        }
        if (needsRepair) {
          needsRepair = false;
          await repair();
        }
        const watch = await kv.watch({ resumeFromRevision: revision + 1 });
        restart = () => watch.stop();
        for await (const entry of watch) {
          await take(entry);
          failures = 0;
        }
      } catch (error) {
        if (closed) break;
        failures += 1;
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        logger.warn('statistics watch failed; restarting', { error: lastError });
        await pause(retryDelay(failures), () => closed);
      }
    }
  }

  const snapshot = await readKvSnapshot(kv, parseStats).catch(unavailable);
  for (const [key, document] of snapshot.values) await offer(key, document, false);
  revision = snapshot.revision;
  await callGuarded(logger, 'onSnapshot', () => input.onSnapshot?.(stats));
  const watching = watchLoop();

  return {
    stats,
    status: () => ({ connected: connection.connected(), revision, lastError }),
    async close() {
      if (closed) return;
      closed = true;
      restart?.();
      await nc.close();
      await watching;
    },
  };
}
