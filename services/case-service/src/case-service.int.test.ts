/**
 * Every write endpoint over real HTTP on a real port, on a real SQLite store: the happy path
 * of each command, what each event records, and each refusal status of the contract. After
 * every refusal the store must hold nothing new. (Reads and operations: read-case.int.test.ts.)
 */
import { caseCommandTypes, caseStreamId } from '@casetrail/domain';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateJwtSecret } from './auth/jwt-secret.ts';
import { mintToken } from './auth/mint-token.ts';
import { problemSchema, writeResultSchema } from './openapi/response-schemas.ts';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import {
  personalValues,
  prepareCommand,
  reportBody,
  reportCase,
} from './testing/command-samples.ts';

/** The default policy's first agency allowed to send each command (DOMAIN.md). */
const allowedAgency = {
  ReportCase: 'mp-centre',
  RecordTracking: 'embassy',
  RecordRescue: 'pdrm',
  RecordRepatriation: 'immigration',
  ReclassifyPerson: 'mapo',
  ConfirmVictim: 'pdrm',
  ReverseReclassification: 'pdrm',
  RecordProsecution: 'ag-chambers',
  RecordProsecutionOutcome: 'ag-chambers',
  CloseCase: 'wisma-putra',
  ReopenCase: 'mapo',
  LinkDuplicate: 'pdrm',
  CorrectDetails: 'embassy',
  RecordReDeparture: 'immigration',
  ErasePersonalData: 'dpo',
  OfferHandover: 'embassy',
  AcceptHandover: 'immigration',
  RejectHandover: 'ag-chambers',
  RevokeHandover: 'mp-centre',
} as const;

let service: TestCaseService;

beforeAll(async () => {
  service = await startTestCaseService();
});
afterAll(async () => {
  await service?.close();
});

async function events(caseId: string) {
  const out = [];
  for await (const event of service.store.readStream(caseStreamId(caseId))) out.push(event);
  return out;
}

/** Runs `refused`, then checks the answer is a problem and that nothing was recorded. */
async function expectRefusal(
  status: number,
  refused: () => Promise<{ status: number; headers: Headers; json: unknown }>,
) {
  const before = await service.store.headPosition();
  const answer = await refused();
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  const problem = problemSchema.parse(answer.json);
  expect(problem.status).toBe(status);
  expect(await service.store.headPosition()).toBe(before);
  return problem;
}

describe('commands: happy paths (raw HTTP)', () => {
  it.each(caseCommandTypes)('%s succeeds for an allowed agency', async (type) => {
    const agency = allowedAgency[type];
    const prepared = await prepareCommand(service, type, agency);
    const answer = await service.request(agency, 'POST', prepared.path, { body: prepared.body });
    expect(answer.status, answer.text).toBe(
      type === 'ReportCase' || type === 'OfferHandover' ? 201 : 200,
    );
    const result = writeResultSchema.parse(answer.json);
    expect(answer.headers.get('etag')).toBe(`"${result.revision}"`);
    if (type === 'ReportCase')
      expect(answer.headers.get('location')).toBe(`/v1/cases/${result.caseId}`);
    if (type === 'OfferHandover') expect(result.handoverId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const recorded = await events(result.caseId);
    const last = recorded.at(-1);
    expect(last?.revision).toBe(result.revision);
    expect(last?.position).toBe(result.position);
    expect(last?.metadata.actor).toEqual({ agency, sub: `${agency}-officer` });
  });
});

describe('what every event records', () => {
  it('actor, correlation id from traceparent, business time from occurredAt; personal fields sealed', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const answer = await service.request('pdrm', 'POST', '/v1/cases', {
      body: { ...reportBody, occurredAt: '2026-10-29T08:00:00+08:00' },
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const { caseId } = writeResultSchema.parse(answer.json);
    const [event] = await events(caseId);
    expect(event?.metadata).toMatchObject({
      actor: { agency: 'pdrm', sub: 'pdrm-officer' },
      correlationId: traceId,
      occurredAt: '2026-10-29T00:00:00.000Z',
    });
    const stored = JSON.stringify(event?.data);
    for (const value of personalValues) expect(stored).not.toContain(value);
    expect(stored).toContain('$sealed');
    expect(answer.headers.get('x-correlation-id')).toBe(traceId);
  });

  it('defaults occurredAt to now and makes a correlation id without traceparent', async () => {
    const before = Date.now();
    const caseId = await reportCase(service);
    const [event] = await events(caseId);
    expect(Date.parse(event?.metadata.occurredAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(event?.metadata.correlationId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('refusals: nothing recorded, problem+json', () => {
  it('400 names each bad field, unknown fields and bad path parameters', async () => {
    const caseId = await reportCase(service);
    const problem = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', `/v1/cases/${caseId}/rescue`, {
        body: { country: 'kh', rescuedBy: 'pdrm', extra: true, occurredAt: 'yesterday' },
      }),
    );
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      'country',
      'extra',
      'occurredAt',
    ]);
    const badPath = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', '/v1/cases/not-a-ulid/handovers/nope/acceptance', {
        body: {},
      }),
    );
    expect(badPath.errors?.map((error) => error.field)).toEqual(['caseId', 'handoverId']);
    const badJson = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', '/v1/cases', {
        rawBody: '{"person":',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(badJson.errors).toEqual([{ field: '(body)', message: 'the body is not valid JSON' }]);
    const badIfMatch = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', `/v1/cases/${caseId}/rescue`, {
        body: { country: 'KH', rescuedBy: 'pdrm' },
        headers: { 'if-match': '3' },
      }),
    );
    expect(badIfMatch.errors?.[0]?.field).toBe('If-Match');
    const nested = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', '/v1/cases', {
        body: { ...reportBody, person: { ...reportBody.person, birthDate: '1990-02-30' } },
      }),
    );
    expect(nested.errors?.map((error) => error.field)).toEqual(['person.birthDate']);
  });

  it('400 for a refusal the decider finds invalid (business time in the future)', async () => {
    const problem = await expectRefusal(400, () =>
      service.request('pdrm', 'POST', '/v1/cases', {
        body: { ...reportBody, occurredAt: '2999-01-01T00:00:00Z' },
      }),
    );
    expect(problem).toMatchObject({ code: 'OccurredInFuture', errors: [{ field: 'occurredAt' }] });
  });

  it('401 for missing, malformed, expired, forged and claim-less tokens', async () => {
    const secret = loadOrCreateJwtSecret(service.dataDir);
    const expired = await mintToken({
      secret,
      agency: 'pdrm',
      sub: 'x',
      ttl: '1m',
      now: new Date(Date.now() - 3_600_000),
    });
    const forged = await mintToken({
      secret: new TextEncoder().encode('f'.repeat(43)),
      agency: 'pdrm',
      sub: 'x',
    });
    const noAgency = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('casetrail-embedded')
      .setAudience('casetrail')
      .setExpirationTime('1h')
      .sign(secret);
    const cases: [string | undefined, RegExp][] = [
      [undefined, /Authorization: Bearer/],
      ['Bearer abc', /malformed/],
      ['Basic cGRybTpwZHJt', /malformed/],
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${forged}`, /not signed by a trusted key/],
      [`Bearer ${noAgency}`, /claims/],
    ];
    for (const [authorization, detail] of cases) {
      const problem = await expectRefusal(401, () =>
        service.request(undefined, 'POST', '/v1/cases', {
          body: reportBody,
          headers: authorization ? { authorization } : {},
        }),
      );
      expect(problem.detail).toMatch(detail);
    }
    const get = await service.request(undefined, 'GET', `/v1/cases/${await reportCase(service)}`);
    expect(get.status).toBe(401);
    expect(get.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('403 for an agency outside its policy, and for an unknown agency', async () => {
    const caseId = await reportCase(service);
    await expectRefusal(403, () =>
      service.request('mp-centre', 'POST', `/v1/cases/${caseId}/rescue`, {
        body: { country: 'KH', rescuedBy: 'pdrm' },
      }),
    );
    await expectRefusal(403, () =>
      service.request('interpol', 'POST', '/v1/cases', { body: reportBody }),
    );
    await expectRefusal(403, () => service.request('interpol', 'GET', `/v1/cases/${caseId}`));
  });

  it('403 from the decider: only the receiving agency answers a hand-over', async () => {
    const prepared = await prepareCommand(service, 'AcceptHandover', 'immigration');
    const problem = await expectRefusal(403, () =>
      service.request('embassy', 'POST', prepared.path, { body: {} }),
    );
    expect(problem.code).toBe('NotHandoverRecipient');
  });

  it('404 for an unknown case, on writes and reads', async () => {
    const unknown = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const write = await expectRefusal(404, () =>
      service.request('pdrm', 'POST', `/v1/cases/${unknown}/rescue`, {
        body: { country: 'KH', rescuedBy: 'pdrm' },
      }),
    );
    expect(write.code).toBe('CaseNotFound');
    expect((await service.request('pdrm', 'GET', `/v1/cases/${unknown}`)).status).toBe(404);
    expect((await service.request('pdrm', 'GET', '/v2/nothing')).status).toBe(404);
  });

  it("409 with the domain's code when the case's state does not allow the command", async () => {
    const caseId = await reportCase(service);
    const problem = await expectRefusal(409, () =>
      service.request('pdrm', 'POST', `/v1/cases/${caseId}/prosecution`, {
        body: { act: 'penal_code', sections: ['420'], court: 'KL', courtReference: 'R-1' },
      }),
    );
    expect(problem.code).toBe('ProsecutionRequiresReclassification');
    await service.request('pdrm', 'POST', `/v1/cases/${caseId}/closure`, {
      body: { reason: 'unfounded' },
    });
    const closed = await expectRefusal(409, () =>
      service.request('pdrm', 'POST', `/v1/cases/${caseId}/tracking`, {
        body: { location: { country: 'KH' } },
      }),
    );
    expect(closed.code).toBe('CaseClosed');
  });

  it('412 for a stale If-Match; a current one succeeds', async () => {
    const caseId = await reportCase(service);
    await expectRefusal(412, () =>
      service.request('pdrm', 'POST', `/v1/cases/${caseId}/tracking`, {
        body: { location: { country: 'TH' } },
        headers: { 'if-match': '"5"' },
      }),
    );
    const fresh = await service.request('pdrm', 'POST', `/v1/cases/${caseId}/tracking`, {
      body: { location: { country: 'TH' } },
      headers: { 'if-match': '"0"' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"1"');
  });

  it('413 for a body over the limit, 415 for a body that is not JSON', async () => {
    await expectRefusal(413, () =>
      service.request('pdrm', 'POST', '/v1/cases', {
        body: { ...reportBody, narrative: 'x'.repeat(300 * 1024) },
      }),
    );
    await expectRefusal(415, () =>
      service.request('pdrm', 'POST', '/v1/cases', {
        rawBody: JSON.stringify(reportBody),
        headers: { 'content-type': 'text/plain' },
      }),
    );
    await expectRefusal(415, () =>
      service.request('pdrm', 'POST', '/v1/cases', { rawBody: JSON.stringify(reportBody) }),
    );
  });
});
