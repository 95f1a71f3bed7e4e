/**
 * Sends one outbox row: KV first, then the stream. KV first lets a subscriber take a
 * snapshot after noting the stream's last sequence and miss nothing. A document never
 * overwrites a newer one: the KV value's version is compared, then the put is conditional on
 * the KV revision it was compared with. A re-send after a crash finds its own value in KV and
 * looks at the subject's last stream message before publishing again (the duplicate window
 * only covers recent re-sends). Throws on any NATS failure; the caller retries the same row.
 */
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { KV, KvEntry } from '@nats-io/kv';
import { headers } from '@nats-io/transport-node';
import { cloudEventJson } from './cloud-event.ts';
import { caseSubject, NatsNames } from './nats-names.ts';
import type { NatsResources } from './nats-resources.ts';
import type { OutboxRow } from './outbox-reader.ts';

export type RowOutcome = 'published' | 'stale';

function versionOf(entry: KvEntry | null, kind: OutboxRow['kind']): number | undefined {
  if (entry?.operation !== 'PUT') return undefined;
  try {
    const value = entry.json<Record<string, unknown>>()[kind === 'case' ? 'revision' : 'position'];
    if (kind === 'stats' && value === null) return -1; // figures of an empty log
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined; // an unreadable value is simply replaced
  }
}

function wrongLastSequence(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

/** Puts the row's document unless KV holds a newer one; says whether KV already had it. */
async function putLatest(kv: KV, row: OutboxRow): Promise<'put' | 'present' | 'stale'> {
  for (;;) {
    const entry = await kv.get(row.key);
    const current = versionOf(entry, row.kind);
    if (current !== undefined && current > row.version) return 'stale';
    if (current === row.version && entry?.string() === row.document) return 'present';
    try {
      await kv.put(row.key, row.document, { previousSeq: entry?.revision ?? 0 });
      return 'put';
    } catch (error) {
      if (!wrongLastSequence(error)) throw error;
      // another writer got in between: compare again with what it wrote
    }
  }
}

function subjectOf(row: OutboxRow): string | undefined {
  if (row.kind === 'case') return caseSubject(row.key);
  return row.key === 'national' ? NatsNames.nationalStatsSubject : undefined;
}

export async function publishRow(
  resources: NatsResources,
  row: OutboxRow,
  source: string,
): Promise<RowOutcome> {
  const kv = row.kind === 'case' ? resources.cases : resources.stats;
  const kvOutcome = await putLatest(kv, row);
  if (kvOutcome === 'stale') return 'stale';
  const subject = subjectOf(row);
  if (subject === undefined) return 'published';
  if (kvOutcome === 'present') {
    const last = await resources.jsm.streams.getMessage(NatsNames.stream, {
      last_by_subj: subject,
    });
    if (last?.header?.get('Nats-Msg-Id') === row.messageId) return 'published';
  }
  const h = headers();
  h.set('Content-Type', 'application/cloudevents+json; charset=utf-8');
  await resources.js.publish(subject, cloudEventJson(row, source), {
    msgID: row.messageId,
    headers: h,
    expect: { streamName: NatsNames.stream },
  });
  return 'published';
}
