/**
 * Concurrent commands on one case over real HTTP: revisions stay contiguous and every
 * answer is true (the event at the revision it names carries that request's correlation id).
 * Races between two service instances on the same files, and a real concurrent append placed
 * between a command's read and its append, exercise the conflict retry and the 412 path.
 */
import { randomBytes } from 'node:crypto';
import { caseStreamId } from '@casetrail/domain';
import type { EventStore, RecordedEvent } from '@casetrail/event-store';
import { tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import { reportCase } from './testing/command-samples.ts';

async function streamOf(store: EventStore, caseId: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of store.readStream(caseStreamId(caseId))) out.push(event);
  return out;
}

/** Sends n tracking updates at once (spread over the services); returns trace id -> answer. */
async function burst(services: TestCaseService[], caseId: string, n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, index) => {
      const traceId = randomBytes(16).toString('hex');
      const target = services[index % services.length] as TestCaseService;
      const answer = await target.request('pdrm', 'POST', `/v1/cases/${caseId}/tracking`, {
        body: { location: { country: 'TH', locality: `update ${index}` } },
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      return { traceId, answer };
    }),
  );
}

function expectTruthful(
  events: readonly RecordedEvent[],
  answers: Awaited<ReturnType<typeof burst>>,
  expectedEvents: number,
) {
  expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
  expect(events).toHaveLength(expectedEvents);
  for (const { traceId, answer } of answers) {
    expect(answer.status, answer.text).toBe(200);
    const { revision, position } = answer.json as { revision: number; position: number };
    expect(answer.headers.get('etag')).toBe(`"${revision}"`);
    const event = events[revision];
    expect(event?.metadata.correlationId).toBe(traceId);
    expect(event?.position).toBe(position);
  }
}

describe('20 concurrent commands on one case', () => {
  let service: TestCaseService;
  beforeAll(async () => {
    service = await startTestCaseService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('keeps revisions contiguous and every answer true', async () => {
    const caseId = await reportCase(service);
    const answers = await burst([service], caseId, 20);
    expectTruthful(await streamOf(service.store, caseId), answers, 21);
  });
});

describe('two service instances on the same files', () => {
  it('settle their races by retrying: contiguous revisions, true answers', async () => {
    const dir = tempDir('casetrail-two-instances-');
    const first = await startTestCaseService({ dataDir: dir.path, maxConflictAttempts: 50 });
    const second = await startTestCaseService({ dataDir: dir.path, maxConflictAttempts: 50 });
    try {
      const caseId = await reportCase(first);
      const answers = await burst([first, second], caseId, 20);
      expectTruthful(await streamOf(first.store, caseId), answers, 21);
    } finally {
      await first.close({ keepDir: true });
      await second.close({ keepDir: true });
      dir.remove();
    }
  });
});

describe('a real concurrent append between read and append', () => {
  let interloper: ((streamId: string) => Promise<void>) | undefined;
  let service: TestCaseService;
  beforeAll(async () => {
    service = await startTestCaseService({
      wrapStore: (store) => ({
        ...store,
        readStream: store.readStream.bind(store),
        async append(streamId, events, options) {
          const sneak = interloper;
          interloper = undefined;
          await sneak?.(streamId);
          return store.append(streamId, events, options);
        },
      }),
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Appends a tracking update recorded by another writer, through the same real store. */
  const sneakIn = (caseId: string) => async (streamId: string) => {
    const [reported] = await streamOf(service.store, caseId);
    const id = (await import('ulid')).ulid();
    await service.store.append(
      streamId,
      [
        {
          id,
          type: 'PersonTracked',
          schemaVersion: 1,
          data: { location: { country: 'LA' } },
          metadata: {
            actor: { agency: 'embassy', sub: 'other-writer' },
            correlationId: 'interloper',
            occurredAt: reported?.metadata.occurredAt ?? new Date().toISOString(),
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  };

  it('without If-Match the command is decided again on the new state and recorded after it', async () => {
    const caseId = await reportCase(service);
    interloper = sneakIn(caseId);
    const answer = await service.request('pdrm', 'POST', `/v1/cases/${caseId}/rescue`, {
      body: { country: 'LA', rescuedBy: 'pdrm' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ revision: 2 });
    const events = await streamOf(service.store, caseId);
    expect(events.map((event) => event.type)).toEqual([
      'CaseReported',
      'PersonTracked',
      'PersonRescued',
    ]);
    const metrics = await service.request(undefined, 'GET', '/metrics');
    expect(metrics.text).toMatch(/casetrail_concurrency_conflicts_total [1-9]/);
  });

  it('with If-Match the request is refused with 412 and records nothing', async () => {
    const caseId = await reportCase(service);
    interloper = sneakIn(caseId);
    const answer = await service.request('pdrm', 'POST', `/v1/cases/${caseId}/rescue`, {
      body: { country: 'LA', rescuedBy: 'pdrm' },
      headers: { 'if-match': '"0"' },
    });
    expect(answer.status).toBe(412);
    const events = await streamOf(service.store, caseId);
    expect(events.map((event) => event.type)).toEqual(['CaseReported', 'PersonTracked']);
  });
});
