/**
 * GET /v1/cases/{caseId} and the operations endpoints over real HTTP on a real SQLite store:
 * the summary from the stream with ETag, personal data opened (and the read logged first),
 * masked or left out by policy, erased after erasure; health, readiness, OpenAPI, metrics,
 * and logs without personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi/openapi-document.ts';
import { caseViewSchema, problemSchema } from './openapi/response-schemas.ts';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import { personalValues, reportBody, reportCase } from './testing/command-samples.ts';

let service: TestCaseService;

beforeAll(async () => {
  service = await startTestCaseService();
});
afterAll(async () => {
  await service?.close();
});

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

describe('GET /v1/cases/{caseId}', () => {
  it('serves the summary from the stream with ETag, personal data opened and the read logged', async () => {
    const caseId = await reportCase(service);
    const answer = await service.request('embassy', 'GET', `/v1/cases/${caseId}`, {
      headers: { 'x-purpose': 'consular visit' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe('"0"');
    const view = caseViewSchema.parse(answer.json);
    expect(view.summary).toMatchObject({
      stage: 'reported',
      reportedCountry: 'KH',
      personalData: 'held',
    });
    expect(view.personalData?.access).toBe('full');
    const fields = Object.fromEntries(
      view.personalData?.records[0]?.fields.map((field) => [field.field, field.value]) ?? [],
    );
    expect(fields['person.fullName']).toBe(reportBody.person.fullName);
    expect(fields['reporter.contact']).toEqual(reportBody.reporter.contact);
  });

  it('writes each decrypted read to the access log, with the purpose', async () => {
    const { openSqliteAccessLog, ACCESS_LOG_FILE } = await import('@casetrail/personal-data');
    const caseId = await reportCase(service);
    await service.request('pdrm', 'GET', `/v1/cases/${caseId}`, {
      headers: { 'x-purpose': 'investigation 12/2026' },
    });
    await service.request('auditor', 'GET', `/v1/cases/${caseId}`);
    await service.request('immigration', 'GET', `/v1/cases/${caseId}`);
    const reader = openSqliteAccessLog({ path: `${service.dataDir}/${ACCESS_LOG_FILE}` });
    const entries = await reader.listByCase(caseId);
    await reader.close();
    expect(entries.map((entry) => [entry.actor.agency, entry.purpose, entry.channel])).toEqual([
      ['pdrm', 'investigation 12/2026', 'api'],
    ]);
  });

  it('masks personal data for auditors and leaves it out for agencies without access', async () => {
    const caseId = await reportCase(service);
    const audited = caseViewSchema.parse(
      (await service.request('auditor', 'GET', `/v1/cases/${caseId}`)).json,
    );
    expect(audited.personalData?.access).toBe('masked');
    for (const field of audited.personalData?.records[0]?.fields ?? []) {
      expect(field.value).toEqual({ $masked: true });
    }
    const immigration = await service.request('immigration', 'GET', `/v1/cases/${caseId}`);
    const view = caseViewSchema.parse(immigration.json);
    expect(view.personalData).toBeUndefined();
    for (const value of personalValues) {
      expect(immigration.text).not.toContain(value);
      expect(JSON.stringify(audited)).not.toContain(value);
    }
    const again = await service.request('immigration', 'GET', `/v1/cases/${caseId}`, {
      headers: { 'if-none-match': '"0"' },
    });
    expect(again.status).toBe(304);
  });

  it('shows personal fields as erased after the DPO erases them', async () => {
    const caseId = await reportCase(service);
    const erased = await service.request('dpo', 'POST', `/v1/cases/${caseId}/erasure`, {
      body: { basis: 'court_order' },
    });
    expect(erased.status).toBe(200);
    const view = caseViewSchema.parse(
      (await service.request('pdrm', 'GET', `/v1/cases/${caseId}`)).json,
    );
    expect(view.summary.personalData).toBe('erased');
    for (const field of view.personalData?.records[0]?.fields ?? []) {
      expect(field.value).toEqual({ $erased: true });
    }
    expect(JSON.stringify(view)).not.toContain(reportBody.person.fullName);
  });

  it('refuses a purpose header with control characters', async () => {
    const caseId = await reportCase(service);
    const problem = await expectRefusal(400, () =>
      service.request('pdrm', 'GET', `/v1/cases/${caseId}`, { headers: { 'x-purpose': 'a\tb' } }),
    );
    expect(problem.errors?.[0]?.field).toBe('X-Purpose');
  });
});

describe('operations endpoints', () => {
  it('healthz, readyz, openapi.json and metrics', async () => {
    expect((await service.request(undefined, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
    expect((await service.request(undefined, 'GET', '/readyz')).json).toEqual({ status: 'ready' });
    const openapi = await service.request(undefined, 'GET', '/openapi.json');
    expect(openapi.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    await reportCase(service);
    await service.request('mp-centre', 'POST', '/v1/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV/rescue', {
      body: {},
    });
    const metrics = await service.request(undefined, 'GET', '/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(
      /casetrail_http_requests_total\{method="POST",route="\/v1\/cases",status="201"\} \d+/,
    );
    expect(metrics.text).toMatch(
      /casetrail_http_requests_total\{method="POST",route="\/v1\/cases\/:caseId\/rescue",status="403"\} \d+/,
    );
    expect(metrics.text).toMatch(
      /casetrail_http_request_duration_seconds_bucket\{method="POST",route="\/v1\/cases",status="201",le="\+Inf"\} \d+/,
    );
    expect(metrics.text).toMatch(/casetrail_appends_total [1-9]\d*/);
    expect(metrics.text).toMatch(/casetrail_concurrency_conflicts_total \d+/);
  });

  it('logs JSON lines without any personal data', () => {
    expect(service.logs.length).toBeGreaterThan(10);
    for (const line of service.logs) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.msg).toBeTypeOf('string');
      for (const value of personalValues) expect(line).not.toContain(value);
    }
  });
});
