import {
  announceSkip,
  type NatsServer,
  startNatsServer,
  type TempDir,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudEventTypes, NatsNames } from './nats-names.ts';
import { outboxTable } from './outbox-schema.ts';
import { createDenyListFilter } from './publication-filter.ts';
import {
  capturingLogger,
  caseMessage,
  enqueueAll,
  openOutboxDb,
  streamMessages,
} from './publication-test-kit.ts';
import { type Publisher, startPublisher } from './publisher.ts';

const started = await startNatsServer();
if ('skipped' in started) announceSkip('publication publisher', started.skipped);
const server: NatsServer | undefined = 'server' in started ? started.server : undefined;

const filter = createDenyListFilter(['fullName', 'mykadNumber', 'reporter.contact']);
const source = 'urn:casetrail:test-projector';

describe.skipIf(!server)('publisher against a real nats-server', () => {
  let nc: NatsConnection;
  let dir: TempDir;
  const publishers: Publisher[] = [];

  beforeAll(async () => {
    nc = await connect({ servers: server!.url });
    dir = tempDir('casetrail-publication-');
  });
  afterAll(async () => {
    await Promise.all(publishers.map((publisher) => publisher.stop()));
    await nc?.close();
    await server?.dispose();
    dir?.remove();
  });

  function publisherOn(dbPath: string, logger = capturingLogger()): Publisher {
    const publisher = startPublisher({
      dbPath,
      servers: server!.url,
      source,
      filter,
      logger,
      pollIntervalMs: 50,
    });
    publishers.push(publisher);
    return publisher;
  }

  async function drained(publisher: Publisher): Promise<void> {
    await waitFor(() => publisher.status().pending === 0 && publisher.status().connected, {
      timeoutMs: 20_000,
      what: 'the outbox to drain',
    });
  }

  it('publishes each row to KV and as a CloudEvent, field by field', async () => {
    const path = `${dir.path}/exact.db`;
    const db = openOutboxDb(path);
    const national = { position: 1003, affected: 3, tracked: 1 };
    const publicStats = { position: 1003, affected: null, suppressed: ['by-country'] };
    const ids = enqueueAll(db, [
      caseMessage('CASE-A', 0),
      caseMessage('CASE-A', 1),
      caseMessage('CASE-B', 0),
      { kind: 'stats', key: 'national', document: national, time: '2025-10-29T09:00:00.000Z' },
      { kind: 'stats', key: 'public', document: publicStats, time: '2025-10-29T09:00:00.000Z' },
    ]);
    const publisher = publisherOn(path);
    await drained(publisher);

    const kvm = new Kvm(nc);
    const cases = await kvm.open(NatsNames.casesBucket);
    const stats = await kvm.open(NatsNames.statsBucket);
    expect((await cases.get('CASE-A'))?.json()).toEqual(caseMessage('CASE-A', 1).document);
    expect((await cases.get('CASE-B'))?.json()).toEqual(caseMessage('CASE-B', 0).document);
    expect((await stats.get('national'))?.json()).toEqual(national);
    expect((await stats.get('public'))?.json()).toEqual(publicStats);

    const messages = await streamMessages(nc);
    expect(messages.map((message) => message.subject)).toEqual([
      'casetrail.projection.case.CASE-A',
      'casetrail.projection.case.CASE-A',
      'casetrail.projection.case.CASE-B',
      'casetrail.projection.stats.national',
    ]);
    const expected = [
      { id: ids[0]!.messageId, subject: 'CASE-A', message: caseMessage('CASE-A', 0) },
      { id: ids[1]!.messageId, subject: 'CASE-A', message: caseMessage('CASE-A', 1) },
      { id: ids[2]!.messageId, subject: 'CASE-B', message: caseMessage('CASE-B', 0) },
    ];
    for (const [index, want] of expected.entries()) {
      const stored = messages[index]!;
      expect(stored.header.get('Nats-Msg-Id')).toBe(want.id);
      expect(stored.json()).toEqual({
        specversion: '1.0',
        id: want.id,
        source,
        type: CloudEventTypes.case,
        subject: want.subject,
        time: want.message.time,
        datacontenttype: 'application/json',
        data: want.message.document,
      });
    }
    expect(messages[3]!.header.get('Nats-Msg-Id')).toBe(ids[3]!.messageId);
    expect(messages[3]!.json()).toEqual({
      specversion: '1.0',
      id: ids[3]!.messageId,
      source,
      type: CloudEventTypes.stats,
      subject: 'national',
      time: '2025-10-29T09:00:00.000Z',
      datacontenttype: 'application/json',
      data: national,
    });
    expect(publisher.status()).toMatchObject({ pending: 0, rejected: 0, published: 5 });
    expect(db.prepare(`SELECT count(*) AS n FROM ${outboxTable}`).get()).toEqual({ n: 0 });
    await publisher.stop();
    db.close();
  });

  it('re-sending rows after a crash (published, not marked) adds nothing to the stream', async () => {
    const path = `${dir.path}/crash.db`;
    const db = openOutboxDb(path);
    enqueueAll(db, [caseMessage('CASE-C', 0), caseMessage('CASE-C', 1), caseMessage('CASE-D', 0)]);
    const rows = db.prepare(`SELECT * FROM ${outboxTable} ORDER BY id`).all();
    const first = publisherOn(path);
    await drained(first);
    await first.stop();
    const before = await streamMessages(nc);
    const cases = await new Kvm(nc).open(NatsNames.casesBucket);
    const kvRevision = (await cases.get('CASE-C'))!.revision;

    // The crash: the same rows are back, as if the DELETE never committed.
    const insert = db.prepare(
      `INSERT INTO ${outboxTable} (kind, key, version, message_id, document, time)
       VALUES (:kind, :key, :version, :message_id, :document, :time)`,
    );
    db.exec('BEGIN');
    for (const row of rows as Record<string, string | number>[]) {
      const { id: _id, state: _state, reason: _reason, ...values } = row;
      insert.run(values);
    }
    db.exec('COMMIT');
    const second = publisherOn(path);
    await drained(second);

    const after = await streamMessages(nc);
    expect(after.map((message) => message.seq)).toEqual(before.map((message) => message.seq));
    expect((await cases.get('CASE-C'))!.revision).toBe(kvRevision);
    await second.stop();
    db.close();
  });

  it('publishes to the stream a row whose KV put landed before a crash', async () => {
    const path = `${dir.path}/half.db`;
    const db = openOutboxDb(path);
    const cases = await new Kvm(nc).open(NatsNames.casesBucket);
    // The crash came between the KV put and the stream publish of this row.
    const [row] = enqueueAll(db, [caseMessage('CASE-E', 0)]);
    await cases.put('CASE-E', JSON.stringify(caseMessage('CASE-E', 0).document));
    const publisher = publisherOn(path);
    await drained(publisher);

    const onSubject = (await streamMessages(nc)).filter(
      (message) => message.subject === 'casetrail.projection.case.CASE-E',
    );
    expect(onSubject.map((message) => message.header.get('Nats-Msg-Id'))).toEqual([row!.messageId]);
    await publisher.stop();
    db.close();
  });

  it('never lets an older document overwrite a newer one', async () => {
    const path = `${dir.path}/stale.db`;
    const db = openOutboxDb(path);
    enqueueAll(db, [caseMessage('CASE-F', 5)]);
    const publisher = publisherOn(path);
    await drained(publisher);
    const countBefore = (await streamMessages(nc)).length;

    enqueueAll(db, [caseMessage('CASE-F', 3, { rebuilt: true })]);
    publisher.wake();
    await drained(publisher);

    const cases = await new Kvm(nc).open(NatsNames.casesBucket);
    expect((await cases.get('CASE-F'))?.json()).toEqual(caseMessage('CASE-F', 5).document);
    expect((await streamMessages(nc)).length).toBe(countBefore);
    await publisher.stop();
    db.close();
  });

  it('the filter stops a document carrying a denied field: nothing sent, no value in the error', async () => {
    const path = `${dir.path}/filter.db`;
    const db = openOutboxDb(path);
    const secret = 'Siti Aminah binti Abdullah';
    enqueueAll(db, [
      caseMessage('CASE-G', 0, { person: { fullName: secret, ageBand: '25-34' } }),
      caseMessage('CASE-H', 0),
    ]);
    const logger = capturingLogger();
    const publisher = publisherOn(path, logger);
    await drained(publisher);

    const cases = await new Kvm(nc).open(NatsNames.casesBucket);
    expect(await cases.get('CASE-G')).toBeNull();
    expect(await cases.get('CASE-H')).not.toBeNull(); // a refusal does not hold up the rest
    const subjects = (await streamMessages(nc)).map((message) => message.subject);
    expect(subjects).not.toContain('casetrail.projection.case.CASE-G');
    const status = publisher.status();
    expect(status.rejected).toBe(1);
    expect(status.lastRejection).toBe('document carries denied field(s): person.fullName');
    const row = db
      .prepare(`SELECT state, reason, document FROM ${outboxTable} WHERE key = 'CASE-G'`)
      .get() as { state: string; reason: string };
    expect(row.state).toBe('rejected');
    expect(row.reason).toContain('person.fullName');
    expect(row.reason).not.toContain(secret);
    expect(logger.lines.some((line) => line.includes('person.fullName'))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain(secret);
    await publisher.stop();
    db.close();
  });
});
