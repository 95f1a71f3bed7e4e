import { announceSkip, type NatsServer, startNatsServer } from '@casetrail/test-harness';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsNames } from './nats-names.ts';
import { defaultNatsResourceSettings, ensureNatsResources } from './nats-resources.ts';
import { NatsResourceConflictError } from './publication-errors.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('publication NATS resources', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

describe.skipIf(!server)('ensureNatsResources', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connect({ servers: server!.url });
  });
  afterAll(async () => {
    await nc?.close();
    await server?.dispose();
  });

  it('creates the buckets and the stream with the documented settings, idempotently', async () => {
    await ensureNatsResources(nc);
    const again = await ensureNatsResources(nc); // a second start changes nothing
    const jsm = again.jsm;
    const stream = await jsm.streams.info(NatsNames.stream);
    expect(stream.config).toMatchObject({
      subjects: ['casetrail.projection.>'],
      storage: 'file',
      retention: 'limits',
      discard: 'old',
      max_age: nanos(defaultNatsResourceSettings.streamMaxAgeMs),
      duplicate_window: nanos(defaultNatsResourceSettings.duplicateWindowMs),
      num_replicas: 1,
    });
    const cases = await again.cases.status();
    expect(cases).toMatchObject({ history: 1, storage: 'file', ttl: 0 });
    const stats = await again.stats.status();
    expect(stats).toMatchObject({ history: 10, storage: 'file' });
    expect((await jsm.streams.list().next()).map((info) => info.config.name).sort()).toEqual([
      'CASETRAIL_PROJECTIONS',
      'KV_casetrail_cases',
      'KV_casetrail_stats',
    ]);
  });

  it('the stream drops a re-sent message id within the duplicate window', async () => {
    const js = jetstream(nc);
    const first = await js.publish('casetrail.projection.case.DUP', '{}', { msgID: 'dup-1' });
    const second = await js.publish('casetrail.projection.case.DUP', '{}', { msgID: 'dup-1' });
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, seq: first.seq });
  });

  it('refuses a stream of that name that would not capture the projection subjects', async () => {
    const jsm = await jetstream(nc).jetstreamManager();
    await jsm.streams.delete(NatsNames.stream);
    await jsm.streams.add({ name: NatsNames.stream, subjects: ['elsewhere.>'] });
    await expect(ensureNatsResources(nc)).rejects.toBeInstanceOf(NatsResourceConflictError);
    await jsm.streams.delete(NatsNames.stream);
    await ensureNatsResources(nc);
    expect(await new Kvm(nc).open(NatsNames.casesBucket)).toBeDefined();
  });
});
