/**
 * Follows the case summaries for a downstream service: a consistent snapshot from the KV
 * bucket, then the stream live from the sequence noted before it, applying only newer
 * revisions. A revision that jumps, a stream sequence that skips, an unreadable message or a
 * reconnect is reported as a gap and repaired from KV, which always holds the latest
 * document (the publisher writes KV before the stream). Messages are pulled one at a time
 * after the previous callbacks finished, so a slow consumer holds back NATS, not memory.
 */
import {
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  type JsMsg,
  jetstream,
} from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { callGuarded } from './call-guarded.ts';
import {
  type CaseSubscriber,
  type CaseSubscriberOptions,
  CaseSubscriberOptionsSchema,
  type CaseUpdate,
  type Gap,
} from './case-subscriber-options.ts';
import { judgeRevision, judgeSequence } from './continuity.ts';
import { readKvSnapshot } from './kv-snapshot.ts';
import { NatsNames } from './nats-names.ts';
import {
  type CaseDocument,
  CaseDocumentSchema,
  CaseEventSchema,
  parseWith,
} from './projection-documents.ts';
import { pause, retryDelay } from './retry-pause.ts';
import { openConnection, parseOptions } from './subscriber-connection.ts';
import { SubscriberUnavailableError } from './subscriber-errors.ts';

const parseCase = (read: () => unknown) => parseWith(CaseDocumentSchema, read);

export async function openCaseSubscriber(input: CaseSubscriberOptions): Promise<CaseSubscriber> {
  const options = parseOptions(CaseSubscriberOptionsSchema, input);
  let needsRepair = false;
  let pulling: ConsumerMessages | undefined;
  const onReconnect = () => {
    needsRepair = true;
    void pulling?.close(); // a pull sent before the outage would only time out
  };
  const connection = await openConnection(
    input,
    options.servers,
    'casetrail-case-subscriber',
    onReconnect,
  );
  const { nc, logger } = connection;
  const unavailable = async (error: unknown): Promise<never> => {
    await nc.close();
    throw new SubscriberUnavailableError(
      `cannot take a snapshot: is ${NatsNames.stream} / ${NatsNames.casesBucket} created (has the publisher run)?`,
      { cause: error },
    );
  };
  const js = jetstream(nc);
  const jsm = await js.jetstreamManager().catch(unavailable);
  const kv = await new Kvm(js).open(NatsNames.casesBucket).catch(unavailable);
  const cases = new Map<string, CaseDocument>();
  let consumer: Consumer | undefined;
  let sequence = 0;
  let gaps = 0;
  let repairs = 0;
  let lastError: string | undefined;
  let closed = false;

  async function apply(caseId: string, next: CaseDocument | undefined, cause: CaseUpdate['cause']) {
    const previous = cases.get(caseId);
    if (next) cases.set(caseId, next);
    else cases.delete(caseId);
    if (cause === 'repair') repairs += 1;
    await callGuarded(logger, 'onUpdate', () =>
      input.onUpdate?.({ caseId, document: next, previous, cause }),
    );
  }

  async function gap(found: Gap): Promise<void> {
    gaps += 1;
    logger.warn('subscriber found a gap; repairing from KV', { ...found });
    await callGuarded(logger, 'onGap', () => input.onGap?.(found));
  }

  /** KV is the truth: take every newer value, drop keys KV no longer has. The initial
   * snapshot fills the state silently (onSnapshot reports it); later ones are repairs. */
  async function mergeSnapshot(initial = false): Promise<void> {
    const snapshot = await readKvSnapshot(kv, parseCase);
    for (const { key, problem } of snapshot.invalid) {
      logger.warn('unreadable case summary in KV skipped', { caseId: key, problem });
    }
    for (const [caseId, document] of snapshot.values) {
      const known = cases.get(caseId);
      if (known && document.revision <= known.revision) continue;
      if (initial) cases.set(caseId, document);
      else await apply(caseId, document, 'repair');
    }
    for (const caseId of [...cases.keys()]) {
      if (!snapshot.values.has(caseId)) await apply(caseId, undefined, 'repair');
    }
  }

  async function repairCase(caseId: string, fallback?: CaseDocument): Promise<void> {
    const entry = await kv.get(caseId);
    const parsed = entry?.operation === 'PUT' ? parseCase(() => entry.json()) : undefined;
    const fromKv = parsed?.ok ? parsed.value : undefined;
    const best = fromKv && (!fallback || fromKv.revision >= fallback.revision) ? fromKv : fallback;
    const known = cases.get(caseId);
    if (best && (!known || best.revision > known.revision)) await apply(caseId, best, 'repair');
  }

  /** Notes the stream's end, snapshots KV, and (re)starts the ordered consumer after it. */
  async function resync(initial: boolean): Promise<void> {
    const { state } = await jsm.streams.info(NatsNames.stream);
    await mergeSnapshot(initial);
    // A stream that restarted empty, or aged out what we have not seen: KV covered it.
    if (initial || state.last_seq < sequence || state.first_seq > sequence + 1) {
      sequence = state.last_seq;
    }
    consumer = await js.consumers.get(NatsNames.stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: sequence + 1,
    });
  }

  async function handle(message: JsMsg): Promise<void> {
    const verdict = judgeSequence(sequence, message.seq);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap') {
      await gap({ kind: 'sequence', expected: sequence + 1, received: message.seq });
      await mergeSnapshot();
    }
    if (message.subject.startsWith(NatsNames.caseSubjectPrefix)) {
      const caseId = message.subject.slice(NatsNames.caseSubjectPrefix.length);
      const event = parseWith(CaseEventSchema, () => message.json());
      if (!event.ok || event.value.subject !== caseId) {
        const problem = event.ok ? 'subject does not match the message subject' : event.problem;
        await gap({
          kind: 'invalid-message',
          sequence: message.seq,
          subject: message.subject,
          problem,
        });
        await repairCase(caseId);
      } else {
        const document = event.value.data;
        const known = cases.get(caseId)?.revision;
        const judged = judgeRevision(known, document.revision);
        if (judged === 'next') await apply(caseId, document, 'live');
        if (judged === 'gap') {
          const expected = known === undefined ? 0 : known + 1;
          await gap({
            kind: 'revision',
            caseId,
            expected,
            received: document.revision,
            sequence: message.seq,
          });
          await repairCase(caseId, document);
        }
      }
    }
    sequence = message.seq;
  }

  /** One message at most, pulled only now: the previous one's callbacks have finished. */
  async function pullOne(from: Consumer): Promise<JsMsg | undefined> {
    pulling = await from.fetch({ max_messages: 1, expires: options.idleWaitMs });
    try {
      for await (const message of pulling) return message;
      return undefined;
    } finally {
      pulling = undefined;
    }
  }

  async function follow(): Promise<void> {
    let failures = 0;
    while (!closed) {
      try {
        if (!connection.connected()) {
          // Requests sent now would wait for the reconnect and then time out: wait for it.
          await pause(60_000, () => closed || connection.connected());
          continue;
        }
        if (needsRepair || !consumer) {
          const reconnected = needsRepair;
          needsRepair = false;
          if (reconnected) await gap({ kind: 'reconnect' });
          await resync(false);
        }
        const message = await pullOne(consumer!);
        if (message && !closed) await handle(message);
        failures = 0;
        lastError = undefined;
      } catch (error) {
        if (closed) break;
        failures += 1;
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        logger.warn('subscriber could not read from NATS; will repair', { error: lastError });
        consumer = undefined;
        await pause(retryDelay(failures), () => closed);
      }
    }
  }

  await resync(true).catch(unavailable);
  await callGuarded(logger, 'onSnapshot', () => input.onSnapshot?.(cases));
  const following = follow();

  return {
    cases,
    status: () => ({ connected: connection.connected(), sequence, gaps, repairs, lastError }),
    async close() {
      if (closed) return;
      closed = true;
      await nc.close();
      await following;
    },
  };
}
