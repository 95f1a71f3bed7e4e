/**
 * The auditors' HTTP endpoints end to end, on the real case service over a real SQLite store:
 * history and "as of" against an independent recomputation from the raw rows of the file,
 * national figures as of a moment against the test's own count, public statistics with small
 * cells suppressed, verification (clean, then after the file is changed on disk), the export
 * and its offline check, the access log per case and per user, every refusal as problem+json,
 * and the erasure of a person's data through every path that shows it.
 */
import { DatabaseSync } from 'node:sqlite';
import { checkCaseExport } from '@casetrail/audit';
import { resolvePolicy } from '@casetrail/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEngine,
  PII_MARKERS,
  type RawRow,
  rawRows,
  reportBody,
  startAuditEngine,
} from './audit-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
type Json = any;

/** The test's own "as of": UTC ISO strings of one length compare as text. */
function rowsAsOf(rows: RawRow[], at: string | null, time: 'recorded' | 'occurred'): RawRow[] {
  const clock = (row: RawRow) => (time === 'recorded' ? row.recorded_at : row.occurredAt);
  const byStream = new Map<string, RawRow[]>();
  for (const row of rows)
    byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
  return [...byStream.values()].flatMap((stream) => {
    if (at === null) return stream;
    if (clock(stream[0]!) > at) return [];
    return stream.filter((row) => clock(row) <= at);
  });
}

/** The test's own national whereabouts count: where each person is after their events. */
function countWhereabouts(rows: RawRow[]) {
  const stage = new Map<string, string>();
  for (const row of rows) {
    const next: Record<string, string> = {
      CaseReported: 'beingTracked',
      PersonTracked:
        stage.get(row.stream_id) === 'beingTracked'
          ? 'beingTracked'
          : (stage.get(row.stream_id) ?? ''),
      PersonRescued: 'rescuedAwaitingReturn',
      PersonRepatriated: 'returnedHome',
      CaseClosed: 'closed',
    };
    if (row.type in next) stage.set(row.stream_id, next[row.type]!);
  }
  const counts = { beingTracked: 0, rescuedAwaitingReturn: 0, returnedHome: 0, closed: 0 };
  for (const value of stage.values()) counts[value as keyof typeof counts] += 1;
  return { affected: stage.size, whereabouts: counts };
}

describe('audit endpoints', () => {
  let engine: AuditEngine;
  let caseId: string;
  const others: string[] = [];
  const policy = resolvePolicy({ actions: { 'replay-history': { allow: ['auditor', 'pdrm'] } } });

  beforeAll(async () => {
    engine = await startAuditEngine({ policy });
    const at = (iso: string) => engine.setStoreTime(iso);
    at('2024-03-01T00:00:00.000Z');
    ({ caseId } = await engine.post(
      'pdrm',
      '/v1/cases',
      reportBody(1, 'KH', '2024-02-20T09:00:00+08:00'),
    ));
    at('2024-03-05T00:00:00.000Z');
    await engine.post('embassy', `/v1/cases/${caseId}/tracking`, {
      location: { country: 'KH' },
      notes: 'PIIMARK seen',
      occurredAt: '2024-03-04T00:00:00Z',
    });
    at('2024-04-10T00:00:00.000Z');
    await engine.post('pdrm', `/v1/cases/${caseId}/rescue`, {
      country: 'KH',
      rescuedBy: 'foreign_authority',
      awaitingReturnAt: 'immigration_depot',
      occurredAt: '2024-03-20T00:00:00Z',
    });
    at('2024-04-11T00:00:00.000Z');
    await engine.post('pdrm', `/v1/cases/${caseId}/reclassification`, {
      role: 'operator',
      basis: 'investigation',
    });
    at('2024-05-01T00:00:00.000Z');
    await engine.post('wisma-putra', `/v1/cases/${caseId}/repatriation`, {
      route: 'via_rescue',
      fromCountry: 'KH',
      occurredAt: '2024-04-25T00:00:00Z',
    });
    at('2024-06-01T00:00:00.000Z');
    for (let i = 0; i < 12; i++) {
      const { caseId: other } = await engine.post(
        'mp-centre',
        '/v1/cases',
        reportBody(10 + i, 'KH', '2024-05-10T00:00:00Z'),
      );
      others.push(other);
      await engine.post('embassy', `/v1/cases/${other}/tracking`, {
        location: { country: 'KH' },
        occurredAt: '2024-05-20T00:00:00Z',
      });
    }
  });
  afterAll(async () => {
    await engine?.close();
  });

  const moments: [string | null, 'recorded' | 'occurred'][] = [
    [null, 'recorded'],
    ['2024-02-19T00:00:00.000Z', 'occurred'],
    ['2024-04-01T00:00:00.000Z', 'recorded'],
    ['2024-04-01T00:00:00.000Z', 'occurred'],
    ['2024-04-30T00:00:00.000Z', 'occurred'],
    ['2024-05-15T00:00:00.000Z', 'occurred'],
  ];

  it.each(moments)('history as of %s by %s time matches the raw rows', async (at, time) => {
    const query = at === null ? '' : `?asOf=${encodeURIComponent(at)}&time=${time}`;
    const answer = await engine.request('auditor', 'GET', `/v1/cases/${caseId}/history${query}`);
    expect(answer.status).toBe(200);
    const history = answer.json as Json;
    const expected = rowsAsOf(rawRows(engine.storePath), at, time).filter(
      (row) => row.stream_id === `case-${caseId}`,
    );
    expect(history.entries.map((e: Json) => [e.revision, e.type, e.hash, e.recordedAt])).toEqual(
      expected.map((row) => [row.revision, row.type, row.hash, row.recorded_at]),
    );
    expect(history.entries.map((e: Json) => e.recordedBy)).toEqual(
      expected.map((row) => row.actor),
    );
  });

  it.each(moments)(
    "national figures as of %s by %s time match the test's own count",
    async (at, time) => {
      const query = at === null ? '' : `?asOf=${encodeURIComponent(at)}&time=${time}`;
      const answer = await engine.request('mapo', 'GET', `/v1/stats/national${query}`);
      expect(answer.status).toBe(200);
      const summary = answer.json as Json;
      expect({ affected: summary.affected, whereabouts: summary.whereabouts }).toEqual(
        countWhereabouts(rowsAsOf(rawRows(engine.storePath), at, time)),
      );
      expect(summary.check.addsUp).toBe(true);
      expect(answer.headers.get('x-casetrail-source')).toBe('log');
    },
  );

  it('serves public statistics with every cell under 11 withheld and none recoverable', async () => {
    const national = (await engine.request('auditor', 'GET', '/v1/stats/national')).json as Json;
    const answer = await engine.request('auditor', 'GET', '/v1/stats/public');
    expect(answer.status).toBe(200);
    const published = answer.json as Json;
    expect(national.affected).toBe(13);
    expect(published.affected).toBe(13);
    expect(published.whereabouts.beingTracked).toBe(12);
    expect(published.whereabouts.returnedHome).toBeNull();
    expect(published.byCountry.KH).toBe(13);
    const cells = (value: Json, path: string[] = []): [string, unknown][] =>
      typeof value === 'number' || value === null
        ? [[path.join('.'), value]]
        : Object.entries(value).flatMap(([key, child]) => cells(child, [...path, key]));
    const figures = [
      'affected',
      'whereabouts',
      'returnedHome',
      'classification',
      'legal',
      'byCountry',
      'byReportSource',
      'byYearOfReport',
    ];
    for (const key of figures) {
      for (const [path, value] of cells(published[key], [key])) {
        if (value !== null) expect(value, path).toBeGreaterThanOrEqual(11);
      }
    }
    const hidden = new Set([...published.suppression.primary, ...published.suppression.secondary]);
    for (const relation of national.check.relations) {
      const members = [relation.total.path, ...relation.parts.map((part: Json) => part.path)];
      expect(members.filter((path) => hidden.has(path)).length, relation.relation).not.toBe(1);
    }
  });

  it('shows personal data masked to auditors and decrypted, after logging, to an allowed agency', async () => {
    const masked = await engine.request('auditor', 'GET', `/v1/cases/${caseId}/history`);
    expect((masked.json as Json).personalData).toBe('masked');
    expect((masked.json as Json).entries[0].data.person.fullName).toEqual({ $masked: true });
    for (const marker of PII_MARKERS) expect(masked.text).not.toContain(marker);
    const open = await engine.request('pdrm', 'GET', `/v1/cases/${caseId}/history`, {
      headers: { 'x-purpose': 'case review' },
      sub: 'inspector-5',
    });
    expect(open.status).toBe(200);
    expect((open.json as Json).personalData).toBe('open');
    expect((open.json as Json).entries[0].data.person.fullName).toBe('PIIMARK Person 1');
    const log = await engine.request('auditor', 'GET', `/v1/audit/access-log?caseId=${caseId}`);
    expect(log.status).toBe(200);
    expect((log.json as Json).entries).toContainEqual(
      expect.objectContaining({
        actor: { agency: 'pdrm', sub: 'inspector-5' },
        purpose: 'case review',
        channel: 'api',
        caseId,
      }),
    );
    expect((log.json as Json).chain.ok).toBe(true);
    const bySub = await engine.request('auditor', 'GET', '/v1/audit/access-log?sub=inspector-5');
    expect(
      (bySub.json as Json).entries.every((entry: Json) => entry.actor.sub === 'inspector-5'),
    ).toBe(true);
    expect((bySub.json as Json).entries.length).toBeGreaterThanOrEqual(1);
  });

  it('verifies a case and exports it for an offline check', async () => {
    const verification = await engine.request('auditor', 'GET', `/v1/cases/${caseId}/verification`);
    expect(verification.json).toMatchObject({
      caseId,
      ok: true,
      eventsChecked: 5,
      firstBadEvent: null,
    });
    const exported = await engine.request('auditor', 'GET', `/v1/cases/${caseId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(`case-${caseId}-export.json`);
    const check = checkCaseExport(JSON.parse(exported.text));
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.head).toEqual((verification.json as Json).head);
    for (const marker of PII_MARKERS) expect(exported.text).not.toContain(marker);
  });

  it('refuses bad requests with problem+json naming what is wrong, and strangers with 401/403', async () => {
    const cases: [string | undefined, string, number, string | undefined][] = [
      ['auditor', `/v1/cases/${caseId}/history?asOf=yesterday`, 400, 'asOf'],
      ['auditor', `/v1/cases/${caseId}/history?time=later`, 400, 'time'],
      ['auditor', '/v1/cases/not-a-ulid/history', 400, 'caseId'],
      ['auditor', '/v1/stats/national?asOf=2024-13-01T00:00:00Z', 400, 'asOf'],
      ['auditor', '/v1/audit/access-log', 400, undefined],
      ['auditor', `/v1/audit/access-log?caseId=${caseId}&sub=x`, 400, undefined],
      ['auditor', '/v1/cases/01JC0000000000000000000099/history', 404, undefined],
      ['auditor', '/v1/cases/01JC0000000000000000000099/verification', 404, undefined],
      ['embassy', `/v1/cases/${caseId}/history`, 403, undefined],
      ['pdrm', `/v1/cases/${caseId}/verification`, 403, undefined],
      ['pdrm', '/v1/audit/access-log?sub=x', 200, undefined],
      ['mp-centre', `/v1/cases/${caseId}/export`, 403, undefined],
      [undefined, `/v1/cases/${caseId}/history`, 401, undefined],
      [undefined, '/v1/stats/public', 401, undefined],
    ];
    for (const [agency, path, status, field] of cases) {
      const answer = await engine.request(agency, 'GET', path);
      expect(answer.status, path).toBe(status);
      if (status >= 400) {
        expect(answer.headers.get('content-type'), path).toContain('application/problem+json');
        expect(answer.json, path).toMatchObject({
          status,
          type: expect.any(String),
          title: expect.any(String),
        });
      }
      if (field)
        expect(
          (answer.json as Json).errors.map((e: Json) => e.field),
          path,
        ).toContain(field);
    }
  });

  it('after erasure, history, export, the case and the access log show no personal data and every chain verifies', async () => {
    const before = rawRows(engine.storePath).filter((row) => row.stream_id === `case-${caseId}`);
    const logBefore = (
      (await engine.request('auditor', 'GET', `/v1/audit/access-log?caseId=${caseId}`)).json as Json
    ).entries.length;
    engine.setStoreTime('2024-07-01T00:00:00.000Z');
    expect(
      (
        await engine.request('pdrm', 'POST', `/v1/cases/${caseId}/erasure`, {
          body: { basis: 'data_subject_request' },
        })
      ).status,
    ).toBe(403);
    await engine.post('dpo', `/v1/cases/${caseId}/erasure`, {
      basis: 'data_subject_request',
      requestReference: 'DPO-2024-9',
    });
    for (const agency of ['auditor', 'pdrm']) {
      const history = await engine.request(agency, 'GET', `/v1/cases/${caseId}/history`);
      expect((history.json as Json).personalData, agency).toBe('erased');
      expect((history.json as Json).entries[0].data.person.fullName).toEqual({ $erased: true });
      expect((history.json as Json).entries.at(-1).stateAfter.personalData).toBe('erased');
      const exported = await engine.request(agency, 'GET', `/v1/cases/${caseId}/export`);
      const document = JSON.parse(exported.text);
      expect(document.manifest).toMatchObject({ personalData: 'erased', readerView: 'erased' });
      expect(checkCaseExport(document)).toMatchObject({ ok: true, problems: [] });
      for (const answer of [history, exported]) {
        for (const marker of PII_MARKERS) expect(answer.text).not.toContain(marker);
      }
    }
    // Nothing was read after the erasure, so nothing was logged.
    const logAfter = await engine.request(
      'auditor',
      'GET',
      `/v1/audit/access-log?caseId=${caseId}`,
    );
    expect((logAfter.json as Json).entries).toHaveLength(logBefore);
    const summary = await engine.request('pdrm', 'GET', `/v1/cases/${caseId}`);
    expect(summary.status).toBe(200);
    for (const marker of PII_MARKERS) expect(summary.text).not.toContain(marker);
    const after = rawRows(engine.storePath).filter((row) => row.stream_id === `case-${caseId}`);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(
      (await engine.request('auditor', 'GET', `/v1/cases/${caseId}/verification`)).json,
    ).toMatchObject({ ok: true, eventsChecked: 6 });
    for (const line of engine.logs)
      for (const marker of PII_MARKERS) expect(line).not.toContain(marker);
  });

  it('names the first bad event once the file is changed on disk', async () => {
    const victim = others[3]!;
    const db = new DatabaseSync(engine.storePath);
    try {
      db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
      db.prepare(
        `UPDATE events SET data = json_set(data, '$.location.country', 'TH') WHERE stream_id = ? AND revision = 1`,
      ).run(`case-${victim}`);
    } finally {
      db.close();
    }
    const answer = await engine.request('auditor', 'GET', `/v1/cases/${victim}/verification`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      caseId: victim,
      ok: false,
      firstBadEvent: { failure: 'hash-mismatch', caseId: victim, revision: 1 },
    });
    expect(
      (await engine.request('auditor', 'GET', `/v1/cases/${others[4]}/verification`)).json,
    ).toMatchObject({ ok: true });
  });
});
