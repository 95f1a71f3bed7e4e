/**
 * History and "as of" on a real SQLite store, checked against an independent recomputation:
 * the test reads the raw rows of the file with node:sqlite, selects them by comparing ISO
 * strings, and derives the expected stage, classification and legal status from the event
 * types with its own rules, rather than through the domain's fold.
 */
import { tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseNotFoundError } from '../errors.ts';
import { parseAsOf } from '../input/audit-query.ts';
import { bodies, PII_MARKERS, reportBody } from '../testing/case-bodies.ts';
import { type CaseRecorder, openCaseRecorder } from '../testing/case-recorder.ts';
import { metadataOfRow, type RawRow, rawEventRows } from '../testing/raw-event-rows.ts';
import { readCaseHistory } from './read-case-history.ts';
import type { Reader } from './view-personal-data.ts';

const CASE = '01JC0000000000000000000001';
const OTHER = '01JC0000000000000000000002';
const auditor: Reader = {
  actor: { agency: 'auditor', sub: 'aud-1' },
  permission: 'masked',
  channel: 'api',
};
const officer: Reader = {
  actor: { agency: 'pdrm', sub: 'officer-9' },
  permission: 'allowed',
  purpose: 'investigation',
  channel: 'api',
};

/** The test's own reading of the file and of the "as of" rule. */
function expectedRows(path: string, caseId: string, at: string | null, time: string): RawRow[] {
  const rows = rawEventRows(path, `case-${caseId}`);
  if (at === null) return rows;
  const clock = (row: RawRow) =>
    time === 'recorded' ? row.recorded_at : metadataOfRow(row).occurredAt;
  // All times here are UTC ISO strings of one length, so string order is time order.
  if (rows.length === 0 || clock(rows[0]!) > at) return [];
  return rows.filter((row) => clock(row) <= at);
}

/** Stage, classification and legal status from event types alone: the test's own rules. */
function expectedStates(types: readonly string[]) {
  let stage = 'reported';
  let classification = 'presumed_victim';
  let legal = 'none';
  return types.map((type) => {
    if (type === 'PersonTracked' && ['reported', 'tracked'].includes(stage)) stage = 'tracked';
    if (type === 'PersonRescued') stage = 'rescued';
    if (type === 'PersonRepatriated') stage = 'repatriated';
    if (type === 'PersonReclassified') classification = 'reclassified';
    if (type === 'VictimConfirmed') classification = 'confirmed_victim';
    if (type === 'PersonProsecuted') legal = 'prosecuted';
    if (type === 'ProsecutionConcluded') legal = 'concluded';
    return { stage, classification, legal };
  });
}

describe('readCaseHistory on a real store', () => {
  const dir = tempDir('casetrail-audit-history-');
  let recorder: CaseRecorder;

  beforeAll(async () => {
    recorder = await openCaseRecorder(dir.path);
    const at = (recorded: string) => recorder.setNow(recorded);
    at('2024-03-01T00:00:00.000Z');
    await recorder.record(CASE, 'ReportCase', reportBody(1), {
      agency: 'pdrm',
      occurredAt: '2024-02-20T09:00:00.000Z',
    });
    await recorder.record(OTHER, 'ReportCase', reportBody(2, 'MM'), { agency: 'embassy' });
    at('2024-03-05T00:00:00.000Z');
    await recorder.record(CASE, 'RecordTracking', bodies.tracking(), {
      agency: 'embassy',
      sub: 'emb-3',
      occurredAt: '2024-03-04T00:00:00.000Z',
    });
    // Recorded late: happened 20 March, recorded 10 April.
    at('2024-04-10T00:00:00.000Z');
    await recorder.record(CASE, 'RecordRescue', bodies.rescue(), {
      agency: 'pdrm',
      occurredAt: '2024-03-20T00:00:00.000Z',
    });
    at('2024-04-11T00:00:00.000Z');
    await recorder.record(CASE, 'ReclassifyPerson', bodies.reclassify, { agency: 'pdrm' });
    at('2024-05-01T00:00:00.000Z');
    await recorder.record(CASE, 'RecordRepatriation', bodies.repatriation(), {
      agency: 'wisma-putra',
      occurredAt: '2024-04-25T00:00:00.000Z',
    });
    at('2024-06-01T00:00:00.000Z');
    await recorder.record(CASE, 'RecordProsecution', bodies.prosecution, { agency: 'ag-chambers' });
  });
  afterAll(async () => {
    await recorder.close();
    dir.remove();
  });

  const moments: [string | undefined, 'recorded' | 'occurred'][] = [
    [undefined, 'recorded'],
    ['2024-02-19T00:00:00.000Z', 'occurred'],
    ['2024-02-21T00:00:00.000Z', 'recorded'],
    ['2024-02-21T00:00:00.000Z', 'occurred'],
    ['2024-04-01T00:00:00.000Z', 'recorded'],
    ['2024-04-01T00:00:00.000Z', 'occurred'],
    ['2024-04-10T00:00:00.000Z', 'recorded'],
    ['2024-04-30T00:00:00.000Z', 'occurred'],
    ['2024-05-15T00:00:00.000Z', 'recorded'],
    ['2030-01-01T00:00:00.000Z', 'occurred'],
  ];

  it.each(moments)('as of %s by %s time agrees with the raw rows', async (at, time) => {
    const asOf = parseAsOf({ asOf: at, time });
    const history = await readCaseHistory(
      { store: recorder.store },
      { caseId: CASE, asOf, reader: auditor },
    );
    const rows = expectedRows(recorder.storePath, CASE, at ?? null, time);
    expect(history.entries.map((entry) => [entry.revision, entry.type, entry.hash])).toEqual(
      rows.map((row) => [row.revision, row.type, row.hash]),
    );
    expect(history.entries.map((entry) => entry.recordedAt)).toEqual(
      rows.map((row) => row.recorded_at),
    );
    expect(history.entries.map((entry) => entry.recordedBy)).toEqual(
      rows.map((row) => metadataOfRow(row).actor),
    );
    const states = history.entries.map((entry) => ({
      stage: entry.stateAfter.stage,
      classification: entry.stateAfter.classification.status,
      legal: entry.stateAfter.legal.status,
    }));
    expect(states).toEqual(expectedStates(rows.map((row) => row.type)));
    expect(history.eventsInStream).toBe(6);
    expect(history.state).toEqual(history.entries.at(-1)?.stateAfter ?? null);
  });

  it('tells "what was known" from "what had happened" on the late-recorded rescue', async () => {
    const known = await readCaseHistory(
      { store: recorder.store },
      {
        caseId: CASE,
        asOf: parseAsOf({ asOf: '2024-04-01T00:00:00Z', time: 'recorded' }),
        reader: auditor,
      },
    );
    const happened = await readCaseHistory(
      { store: recorder.store },
      {
        caseId: CASE,
        asOf: parseAsOf({ asOf: '2024-04-01T08:00:00+08:00', time: 'occurred' }),
        reader: auditor,
      },
    );
    expect(known.state?.stage).toBe('tracked');
    expect(happened.state?.stage).toBe('rescued');
    expect(happened.entries.at(-1)?.occurredAt).toBe('2024-03-20T00:00:00.000Z');
    expect(happened.entries.at(-1)?.recordedAt).toBe('2024-04-10T00:00:00.000Z');
  });

  it('masks personal fields for auditors and logs nothing', async () => {
    const history = await readCaseHistory(
      { store: recorder.store, personalData: recorder.personalData },
      { caseId: CASE, asOf: parseAsOf({}), reader: auditor },
    );
    expect(history.personalData).toBe('masked');
    expect(history.entries[0]?.data).toMatchObject({
      person: { fullName: { $masked: true }, myKadNumber: { $masked: true }, sex: 'female' },
      reporter: { name: { $masked: true }, contact: { $masked: true } },
      country: 'KH',
    });
    const text = JSON.stringify(history);
    for (const marker of PII_MARKERS) expect(text).not.toContain(marker);
    expect(text).not.toContain('$sealed');
    expect(await recorder.personalData.accessLog.listByCase(CASE)).toHaveLength(0);
  });

  it('decrypts for an agency allowed to read personal data, after logging the read', async () => {
    const now = () => new Date('2024-07-01T00:00:00.000Z');
    const history = await readCaseHistory(
      { store: recorder.store, personalData: recorder.personalData, now },
      { caseId: CASE, asOf: parseAsOf({}), reader: officer },
    );
    expect(history.personalData).toBe('open');
    expect(history.entries[0]?.data).toMatchObject({ person: { fullName: 'PIIMARK Person 1' } });
    const log = await recorder.personalData.accessLog.listByCase(CASE);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: { agency: 'pdrm', sub: 'officer-9' },
      caseId: CASE,
      purpose: 'investigation',
      channel: 'api',
      at: '2024-07-01T00:00:00.000Z',
    });
  });

  it('refuses an unknown case with CaseNotFoundError', async () => {
    await expect(
      readCaseHistory(
        { store: recorder.store },
        { caseId: '01JC0000000000000000000009', asOf: parseAsOf({}), reader: auditor },
      ),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
  });
});
