/**
 * The publication latency benchmark (`pnpm casetrail bench`, group `publication`): how long
 * from sending a command that the engine accepts to a downstream subscriber holding the case
 * summary of the revision the command produced, at a stated load, p50 and p99.
 *
 * Real parts in one process, as the embedded engine runs them: the case service over HTTP on
 * a loopback port (JWT, SQLite store with synchronous=FULL, sealed personal data), the
 * projector (read models + outbox in one transaction) and its publisher (KV put, then the
 * JetStream publish), a private nats-server, and @casetrail/subscriber following the stream.
 * Commands are RecordTracking (no personal fields), round-robin over the seeded cases, sent
 * open-loop at `ratePerSecond`. In the same run, on the same server, at the same rate: a bare
 * core-NATS publish -> subscribe of a payload of the same size (the raw floor).
 * It writes only to its own temporary directories and its own nats-server.
 */
import { startTestCaseService, type TestCaseService } from '@casetrail/case-service';
import { type Projector, startProjector } from '@casetrail/projector';
import { type CaseSubscriber, openCaseSubscriber } from '@casetrail/subscriber';
import { startNatsServer, waitFor } from '@casetrail/test-harness';
import { bareNatsRoundTrips } from './bare-nats-round-trip.ts';
import { type LatencySummary, roundMs, summarizeLatencies } from './latency-quantiles.ts';
import { paced } from './paced.ts';
import { type CommandSample, seedCases, sendTracking } from './tracking-load.ts';

export type BenchResult = {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: string;
  readonly baselineValue: number;
  readonly ratio: number;
};

export type PublicationLatencyBenchOptions = {
  /** Commands per second (default 20). */
  readonly ratePerSecond?: number;
  /** Measured seconds at that rate (default 30; quick 5), after 2 s of warm-up. */
  readonly durationSeconds?: number;
  /** Cases the commands go round (default 100). */
  readonly cases?: number;
  /** Small sizes: a smoke run, not figures for docs/performance.md. */
  readonly quick?: boolean;
  readonly onProgress?: (line: string) => void;
};

export class PublicationBenchError extends Error {
  readonly code = 'PublicationBenchError' as const;
  override readonly name = 'PublicationBenchError';
}

const GROUP = 'publication';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export async function runPublicationLatencyBenchmark(
  options: PublicationLatencyBenchOptions = {},
): Promise<BenchResult[]> {
  const rate = options.ratePerSecond ?? 20;
  const seconds = options.durationSeconds ?? (options.quick ? 5 : 30);
  const caseCount = options.cases ?? (options.quick ? 20 : 100);
  const say = options.onProgress ?? (() => {});
  if (!(rate > 0 && seconds > 0 && caseCount > 0)) {
    throw new PublicationBenchError('ratePerSecond, durationSeconds and cases must be positive');
  }
  const started = await startNatsServer();
  if ('skipped' in started) throw new PublicationBenchError(`cannot run: ${started.skipped}`);
  const nats = started.server;
  const receipts = new Map<string, { revision: number; at: number }[]>();
  let service: TestCaseService | undefined;
  let projector: Projector | undefined;
  let following: CaseSubscriber | undefined;
  try {
    service = await startTestCaseService();
    const running = await startProjector({
      store: service.store,
      dataDir: service.dataDir,
      natsServers: [nats.url],
      logger: quiet,
    });
    projector = running;
    say(`publication: seeding ${caseCount} cases`);
    const seeded = await seedCases(service, caseCount);
    await running.waitForPosition(seeded.lastPosition, 60_000);
    await waitFor(() => running.status().publisher?.pending === 0, {
      timeoutMs: 60_000,
      what: 'the seeded cases published',
    });
    following = await openCaseSubscriber({
      servers: nats.url,
      logger: quiet,
      onUpdate: ({ caseId, document }) => {
        if (document === undefined) return;
        const list = receipts.get(caseId) ?? [];
        list.push({ revision: document.revision, at: performance.now() });
        receipts.set(caseId, list);
      },
    });
    const sampleDocument = following.cases.get(seeded.caseIds[0]!);
    const token = await service.token('embassy');
    const url = service.url;
    const send = (index: number) =>
      sendTracking(url, token, seeded.caseIds[index % seeded.caseIds.length]!);

    say(`publication: warm-up, ${rate} commands/s for 2 s`);
    await Promise.all(await paced(Math.ceil(rate * 2), rate, send));
    say(`publication: measuring, ${rate} commands/s for ${seconds} s`);
    const loadStarted = performance.now();
    const samples = await Promise.all(await paced(Math.round(rate * seconds), rate, send));
    const loadMs = performance.now() - loadStarted;
    const accepted = samples.filter((sample) => sample.answer !== undefined);
    if (accepted.length === 0) throw new PublicationBenchError('the service refused every command');
    const delivered = (sample: CommandSample) =>
      receivedAt(receipts, sample.caseId, sample.answer!.revision) !== undefined;
    await waitFor(() => accepted.every(delivered), {
      timeoutMs: 60_000,
      what: 'every accepted command to reach the subscriber',
    }).catch(() => {
      const missing = accepted.filter((sample) => !delivered(sample)).length;
      throw new PublicationBenchError(`${missing} accepted commands never reached the subscriber`);
    });
    if (accepted.length < samples.length) {
      say(`publication: ${samples.length - accepted.length} commands refused (not measured)`);
    }
    const toSubscriber = summarizeLatencies(
      accepted.map(
        (sample) => receivedAt(receipts, sample.caseId, sample.answer!.revision)! - sample.sentAt,
      ),
    );
    const toAnswer = summarizeLatencies(
      accepted.map((sample) => sample.answer!.at - sample.sentAt),
    );
    const afterAnswer = summarizeLatencies(
      accepted.map(
        (sample) =>
          receivedAt(receipts, sample.caseId, sample.answer!.revision)! - sample.answer!.at,
      ),
    );
    const ms = (summary: LatencySummary) =>
      `p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms`;
    say(`publication: command -> subscriber ${ms(toSubscriber)}`);
    say(`publication: command -> answer ${ms(toAnswer)}; answer -> subscriber ${ms(afterAnswer)}`);

    const payloadBytes = JSON.stringify(sampleDocument ?? {}).length + 300; // + CloudEvent envelope
    say(`publication: bare NATS floor, ${rate} messages/s, ${payloadBytes} bytes`);
    const floor = summarizeLatencies(
      await bareNatsRoundTrips({
        servers: nats.url,
        count: toSubscriber.count,
        ratePerSecond: rate,
        payloadBytes,
      }),
    );
    return results(rate, accepted.length, loadMs, toSubscriber, toAnswer, floor);
  } finally {
    await following?.close();
    await projector?.stop();
    await service?.close();
    await nats.dispose();
  }
}

/** When the subscriber first held `revision` (or a later one: a repair may skip ahead). */
function receivedAt(
  receipts: ReadonlyMap<string, readonly { revision: number; at: number }[]>,
  caseId: string,
  revision: number,
): number | undefined {
  return receipts.get(caseId)?.find((receipt) => receipt.revision >= revision)?.at;
}

const share = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 10_000;

function results(
  rate: number,
  accepted: number,
  loadMs: number,
  toSubscriber: LatencySummary,
  toAnswer: LatencySummary,
  floor: LatencySummary,
): BenchResult[] {
  const at = `${rate} commands/s over HTTP, ${toSubscriber.count} commands`;
  const floorName = (q: string) =>
    `bare NATS publish -> subscribe ${q}, same server, same rate and size`;
  const latency = (name: string, value: number, baseline: string, baselineValue: number) => ({
    group: GROUP,
    name,
    unit: 'ms',
    value: roundMs(value),
    baseline,
    baselineValue: roundMs(baselineValue),
    // The share of the latency the floor accounts for: 100% would mean casetrail adds nothing.
    ratio: value > 0 ? share(baselineValue, value) : 0,
  });
  const achieved = Math.round((accepted / (loadMs / 1_000)) * 10) / 10;
  return [
    latency(`command to subscriber p50 (${at})`, toSubscriber.p50, floorName('p50'), floor.p50),
    latency(`command to subscriber p99 (${at})`, toSubscriber.p99, floorName('p99'), floor.p99),
    {
      group: GROUP,
      name: `command answered p50 (${at})`,
      unit: 'ms',
      value: roundMs(toAnswer.p50),
      baseline: 'command to subscriber p50 (the whole path)',
      baselineValue: roundMs(toSubscriber.p50),
      // The share of the whole path spent before the HTTP answer (store, fsync, HTTP).
      ratio: toSubscriber.p50 > 0 ? share(toAnswer.p50, toSubscriber.p50) : 0,
    },
    {
      group: GROUP,
      name: 'commands accepted during the measurement',
      unit: 'commands/s',
      value: achieved,
      baseline: 'the stated rate',
      baselineValue: rate,
      // Below 100%: the engine could not keep up with the stated load.
      ratio: share(achieved, rate),
    },
  ];
}
