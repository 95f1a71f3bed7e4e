/**
 * The client against the real case service on a real port (real SQLite store): every
 * command method and getCase, each refusal as its typed error, and retries through a
 * fault-injecting proxy: 503s and dropped connections are retried with the same
 * Idempotency-Key, so a write whose answer was lost is recorded once.
 */
import {
  personalValues,
  prepareCommand,
  reportBody,
  startTestCaseService,
  type TestCaseService,
} from '@casetrail/case-service';
import { type CaseCommandType, caseCommandTypes, caseStreamId } from '@casetrail/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseClient, createCaseClient } from './case-client.ts';
import {
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  RuleViolationError,
  ServerError,
  StaleRevisionError,
  UnauthenticatedError,
} from './errors.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';

let service: TestCaseService;
const clients = new Map<string, CaseClient>();

beforeAll(async () => {
  service = await startTestCaseService();
});
afterAll(async () => {
  await service?.close();
});

async function clientFor(agency: string): Promise<CaseClient> {
  const existing = clients.get(agency);
  if (existing) return existing;
  const client = createCaseClient({
    baseUrl: service.url,
    token: await service.token(agency),
    initialBackoffMs: 5,
  });
  clients.set(agency, client);
  return client;
}

const allowedAgency: Record<CaseCommandType, string> = {
  ReportCase: 'embassy',
  RecordTracking: 'wisma-putra',
  RecordRescue: 'embassy',
  RecordRepatriation: 'wisma-putra',
  ReclassifyPerson: 'pdrm',
  ConfirmVictim: 'mapo',
  ReverseReclassification: 'mapo',
  RecordProsecution: 'pdrm',
  RecordProsecutionOutcome: 'pdrm',
  CloseCase: 'mapo',
  ReopenCase: 'wisma-putra',
  LinkDuplicate: 'wisma-putra',
  CorrectDetails: 'mp-centre',
  RecordReDeparture: 'pdrm',
  ErasePersonalData: 'dpo',
  OfferHandover: 'ag-chambers',
  AcceptHandover: 'wisma-putra',
  RejectHandover: 'embassy',
  RevokeHandover: 'pdrm',
};

/** Calls the client method for `type` with a prepared case. */
async function call(
  client: CaseClient,
  type: CaseCommandType,
  path: string,
  caseId: string,
  body: never,
) {
  const handoverId = path.match(/handovers\/([^/]+)\//)?.[1] ?? '';
  switch (type) {
    case 'ReportCase':
      return client.reportCase(body);
    case 'AcceptHandover':
      return client.acceptHandover(caseId, handoverId, body);
    case 'RejectHandover':
      return client.rejectHandover(caseId, handoverId, body);
    case 'RevokeHandover':
      return client.revokeHandover(caseId, handoverId, body);
    default: {
      const method = (type.charAt(0).toLowerCase() + type.slice(1)) as Exclude<
        keyof CaseClient,
        'reportCase' | 'acceptHandover' | 'rejectHandover' | 'revokeHandover' | 'getCase'
      >;
      return client[method](caseId, body);
    }
  }
}

describe('one method per command', () => {
  it.each(caseCommandTypes)('%s', async (type) => {
    const agency = allowedAgency[type];
    const prepared = await prepareCommand(service, type, agency);
    const result = await call(
      await clientFor(agency),
      type,
      prepared.path,
      prepared.caseId,
      prepared.body as never,
    );
    const events = [];
    for await (const event of service.store.readStream(caseStreamId(result.caseId)))
      events.push(event);
    expect(events.at(-1)?.revision).toBe(result.revision);
    expect(events.at(-1)?.position).toBe(result.position);
    expect(events.at(-1)?.metadata.actor.agency).toBe(agency);
    if (type === 'OfferHandover') expect(result).toHaveProperty('handoverId');
  });
});

describe('getCase', () => {
  it('returns the summary, with personal data for allowed agencies only', async () => {
    const embassy = await clientFor('embassy');
    const { caseId, revision } = await embassy.reportCase(reportBody as never);
    const full = await (await clientFor('pdrm')).getCase(caseId, { purpose: 'investigation' });
    expect(full.revision).toBe(revision);
    expect(full.summary.stage).toBe('reported');
    expect(full.personalData?.access).toBe('full');
    const none = await (await clientFor('immigration')).getCase(caseId);
    expect(none.personalData).toBeUndefined();
    expect(JSON.stringify(none)).not.toContain(personalValues[0]);
  });
});

describe('typed errors', () => {
  it('maps every refusal to its class', async () => {
    const pdrm = await clientFor('pdrm');
    const { caseId } = await pdrm.reportCase(reportBody as never);
    const invalid = await pdrm
      .recordRescue(caseId, { country: 'kh', rescuedBy: 'pdrm' } as never)
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidInputError);
    expect((invalid as InvalidInputError).fieldErrors.map((e) => e.field)).toEqual(['country']);
    await expect(
      (await clientFor('mp-centre')).recordRescue(caseId, { country: 'KH', rescuedBy: 'pdrm' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      pdrm.recordRescue('01ARZ3NDEKTSV4RRFFQ69G5FAV', { country: 'KH', rescuedBy: 'pdrm' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const rule = await pdrm
      .recordProsecutionOutcome(caseId, { outcome: 'convicted' })
      .catch((e: unknown) => e);
    expect(rule).toBeInstanceOf(RuleViolationError);
    expect((rule as RuleViolationError).rule).toBe('NoOpenProsecution');
    await expect(
      pdrm.recordTracking(caseId, { location: { country: 'TH' } }, { ifMatch: 9 }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await pdrm.recordTracking(
      caseId,
      { location: { country: 'TH' } },
      { idempotencyKey: 'client-key-1' },
    );
    await expect(
      pdrm.recordTracking(
        caseId,
        { location: { country: 'MM' } },
        { idempotencyKey: 'client-key-1' },
      ),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    const anonymous = createCaseClient({ baseUrl: service.url, token: 'not-a-token', retries: 0 });
    await expect(anonymous.getCase(caseId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('retries', () => {
  let proxy: FaultProxy;
  let client: CaseClient;
  beforeAll(async () => {
    proxy = await startFaultProxy(service.url);
    client = createCaseClient({
      baseUrl: proxy.url,
      token: await service.token('pdrm'),
      initialBackoffMs: 5,
      retries: 4,
    });
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('retries 503s and dropped connections with one idempotency key: recorded once', async () => {
    const { caseId } = await client.reportCase(reportBody as never);
    const seenBefore = proxy.seen.length;
    proxy.script('unavailable', 'drop-request', 'drop-answer');
    const result = await client.recordTracking(caseId, { location: { country: 'TH' } });
    const attempts = proxy.seen.slice(seenBefore);
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((attempt) => attempt.idempotencyKey)).size).toBe(1);
    const events = [];
    for await (const event of service.store.readStream(caseStreamId(caseId))) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['CaseReported', 'PersonTracked']);
    expect(result.revision).toBe(1);
  });

  it('gives up after the retries with a typed error', async () => {
    proxy.script('unavailable', 'unavailable', 'unavailable', 'unavailable', 'unavailable');
    await expect(client.getCase('01ARZ3NDEKTSV4RRFFQ69G5FAV')).rejects.toBeInstanceOf(ServerError);
    const nowhere = createCaseClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 'x',
      retries: 1,
      initialBackoffMs: 1,
    });
    await expect(nowhere.getCase('01ARZ3NDEKTSV4RRFFQ69G5FAV')).rejects.toBeInstanceOf(
      NetworkError,
    );
  });
});
