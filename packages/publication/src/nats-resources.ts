/**
 * Creates the KV buckets and the JetStream stream of the contract when they are missing, and
 * opens them. Idempotent; an existing resource is never reconfigured (operators may have
 * tuned it), only checked where a mismatch would lose messages.
 */
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { type NatsConnection, nanos } from '@nats-io/transport-node';
import { NatsNames } from './nats-names.ts';
import { NatsResourceConflictError } from './publication-errors.ts';

export type NatsResourceSettings = {
  /** Replicas of the buckets and the stream: 1 embedded, 3 on a production cluster. */
  readonly replicas: number;
  /** How long the stream keeps messages for replay; older subscribers re-snapshot from KV. */
  readonly streamMaxAgeMs: number;
  /** JetStream's Nats-Msg-Id de-duplication window. */
  readonly duplicateWindowMs: number;
  /** Values kept per case key (the stream is the history; KV holds the current state). */
  readonly casesHistory: number;
  /** Values kept per statistics key. */
  readonly statsHistory: number;
  readonly maxMessageBytes: number;
};

const day = 24 * 60 * 60 * 1000;

export const defaultNatsResourceSettings: NatsResourceSettings = {
  replicas: 1,
  streamMaxAgeMs: 90 * day,
  duplicateWindowMs: 10 * 60 * 1000,
  casesHistory: 1,
  statsHistory: 10,
  maxMessageBytes: 1024 * 1024,
};

export type NatsResources = {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly cases: KV;
  readonly stats: KV;
};

async function ensureStream(jsm: JetStreamManager, settings: NatsResourceSettings): Promise<void> {
  try {
    const info = await jsm.streams.info(NatsNames.stream);
    if (!info.config.subjects?.includes(NatsNames.streamSubjects)) {
      throw new NatsResourceConflictError(
        `stream ${NatsNames.stream} exists without subject ${NatsNames.streamSubjects}`,
      );
    }
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) {
      throw error;
    }
    await jsm.streams.add({
      name: NatsNames.stream,
      description: 'casetrail read models as CloudEvents, for replay (docs/nats.md)',
      subjects: [NatsNames.streamSubjects],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(settings.streamMaxAgeMs),
      duplicate_window: nanos(settings.duplicateWindowMs),
      max_msg_size: settings.maxMessageBytes,
      num_replicas: settings.replicas,
    });
  }
}

export async function ensureNatsResources(
  nc: NatsConnection,
  overrides: Partial<NatsResourceSettings> = {},
): Promise<NatsResources> {
  const settings = { ...defaultNatsResourceSettings, ...overrides };
  const js = jetstream(nc);
  const jsm = await js.jetstreamManager();
  const kvm = new Kvm(js);
  const bucket = (history: number, description: string) => ({
    history,
    description,
    storage: StorageType.File,
    replicas: settings.replicas,
    maxValueSize: settings.maxMessageBytes,
  });
  const cases = await kvm.create(
    NatsNames.casesBucket,
    bucket(settings.casesHistory, 'casetrail case summaries by caseId (no personal data)'),
  );
  const stats = await kvm.create(
    NatsNames.statsBucket,
    bucket(settings.statsHistory, 'casetrail national and public summaries'),
  );
  await ensureStream(jsm, settings);
  return { js, jsm, cases, stats };
}
