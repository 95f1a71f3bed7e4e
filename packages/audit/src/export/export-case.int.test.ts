/**
 * Export and offline check on a real store: a clean export checks out from the file alone;
 * each kind of change to the file is named; after erasure the export shows the fields as
 * erased while every hash still recomputes.
 */

import { hashEvent } from '@casetrail/event-store';
import { tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reader } from '../history/view-personal-data.ts';
import { bodies, PII_MARKERS, reportBody } from '../testing/case-bodies.ts';
import { type CaseRecorder, openCaseRecorder } from '../testing/case-recorder.ts';
import { verifyCase } from '../verification/verify-case.ts';
import { checkCaseExport } from './check-case-export.ts';
import { exportCase } from './export-case.ts';

const CASE = '01JC0000000000000000000E01';
const auditor: Reader = {
  actor: { agency: 'auditor', sub: 'aud-1' },
  permission: 'masked',
  channel: 'export',
};

// biome-ignore lint/suspicious/noExplicitAny: the tests edit the parsed file freely, as a forger would
type Doc = any;

describe('case export and its offline check', () => {
  const dir = tempDir('casetrail-audit-export-');
  let recorder: CaseRecorder;
  let clean: string;

  beforeAll(async () => {
    recorder = await openCaseRecorder(dir.path);
    await recorder.record(CASE, 'ReportCase', reportBody(7), { agency: 'mp-centre' });
    await recorder.record(CASE, 'RecordTracking', bodies.tracking(), { agency: 'embassy' });
    await recorder.record(CASE, 'RecordRescue', bodies.rescue(), { agency: 'pdrm' });
    await recorder.record(CASE, 'ReclassifyPerson', bodies.reclassify, { agency: 'pdrm' });
    await recorder.record(CASE, 'RecordRepatriation', bodies.repatriation(), {
      agency: 'immigration',
    });
    clean = JSON.stringify(
      await exportCase({ store: recorder.store }, { caseId: CASE, reader: auditor }),
    );
  });
  afterAll(async () => {
    await recorder.close();
    dir.remove();
  });

  const edited = (edit: (doc: Doc) => void) => {
    const doc = JSON.parse(clean);
    edit(doc);
    return checkCaseExport(JSON.parse(JSON.stringify(doc)));
  };

  it('checks out from the file alone, with the head the store verifies', async () => {
    const result = checkCaseExport(JSON.parse(clean));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe(5);
    const live = await verifyCase(recorder.store, CASE);
    expect(result.head).toEqual(live.head);
    const doc = JSON.parse(clean);
    expect(doc.manifest).toMatchObject({
      personalData: 'sealed',
      readerView: 'masked',
      eventCount: 5,
    });
    expect(doc.manifest.storeVerification).toEqual({ ok: true, firstProblem: null });
    expect(doc.events[0].data.person.fullName.$sealed).toMatch(/^v1\./);
    expect(doc.history[0].data.person.fullName).toEqual({ $masked: true });
    expect(doc.history[4].stateAfter).toMatchObject({ stage: 'repatriated' });
    for (const marker of PII_MARKERS) expect(clean).not.toContain(marker);
  });

  const tampers: [string, (doc: Doc) => void, string][] = [
    [
      'a non-personal data field',
      (d) => {
        d.events[2].data.country = 'TH';
      },
      'events[2]',
    ],
    [
      'a sealed personal field',
      (d) => {
        const f = d.events[0].data.person;
        f.fullName = d.events[0].data.reporter.name;
      },
      'events[0]',
    ],
    [
      'the recording agency',
      (d) => {
        d.events[1].metadata.actor.agency = 'pdrm';
      },
      'events[1]',
    ],
    [
      'the business time',
      (d) => {
        d.events[3].metadata.occurredAt = '2020-01-01T00:00:00.000Z';
      },
      'events[3]',
    ],
    [
      'the store time',
      (d) => {
        d.events[4].recordedAt = '2020-01-01T00:00:00.000Z';
      },
      'events[4]',
    ],
    [
      'the event type',
      (d) => {
        d.events[3].type = 'VictimConfirmed';
      },
      'events[3]',
    ],
    [
      'a removed event',
      (d) => {
        for (const k of ['events', 'chain', 'history']) d[k].splice(2, 1);
        d.manifest.eventCount = 4;
      },
      'events[2]',
    ],
    [
      'two events swapped',
      (d) => {
        for (const k of ['events', 'chain', 'history']) [d[k][1], d[k][2]] = [d[k][2], d[k][1]];
      },
      'events[1]',
    ],
    [
      'a state after an event',
      (d) => {
        d.history[2].stateAfter.stage = 'repatriated';
      },
      'history[2].stateAfter',
    ],
    [
      'non-personal data in the history',
      (d) => {
        d.history[1].data.location.country = 'LA';
      },
      'history[1].data',
    ],
    [
      'a personal field unmasked in the history',
      (d) => {
        d.history[0].data.person.fullName = 'Someone Else';
      },
      'history[0].data',
    ],
    [
      'who recorded, in the history',
      (d) => {
        d.history[0].recordedBy.sub = 'someone';
      },
      'history[0]',
    ],
    [
      'a chain link',
      (d) => {
        d.chain[3].hash = d.chain[2].hash;
      },
      'chain[3]',
    ],
    [
      'the manifest head',
      (d) => {
        d.manifest.head.hash = d.events[0].hash;
      },
      'manifest.head',
    ],
    [
      'an extra field',
      (d) => {
        d.events[0].note = 'x';
      },
      'events.0',
    ],
  ];

  it.each(tampers)('names a change to %s', (_what, edit, where) => {
    const result = edited(edit);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.where)).toContain(where);
    for (const marker of PII_MARKERS) expect(JSON.stringify(result)).not.toContain(marker);
  });

  it('cannot see a consistently cut-short or re-hashed tail alone: the head tells, against an anchor', async () => {
    const anchored = (await verifyCase(recorder.store, CASE)).head;
    const cut = edited((d) => {
      for (const k of ['events', 'chain', 'history']) d[k].pop();
      const last = d.events.at(-1);
      d.manifest.eventCount = 4;
      d.manifest.head = { revision: last.revision, position: last.position, hash: last.hash };
    });
    expect(cut.ok).toBe(true);
    expect(cut.head).not.toEqual(anchored);
    const forged = edited((d) => {
      const last = d.events.at(-1);
      last.metadata.actor.sub = 'forger';
      last.hash = hashEvent(last);
      d.chain.at(-1).hash = last.hash;
      d.history.at(-1).hash = last.hash;
      d.history.at(-1).recordedBy.sub = 'forger';
      d.manifest.head.hash = last.hash;
    });
    expect(forged.ok).toBe(true);
    expect(forged.head).not.toEqual(anchored);
  });

  it('decrypts for a reader allowed to, logging the read on the export channel', async () => {
    const officer: Reader = {
      actor: { agency: 'pdrm', sub: 'off-2' },
      permission: 'allowed',
      purpose: 'court file',
      channel: 'export',
    };
    const before = (await recorder.personalData.accessLog.listByCase(CASE)).length;
    const doc = await exportCase(
      { store: recorder.store, personalData: recorder.personalData },
      { caseId: CASE, reader: officer },
    );
    expect(doc.manifest.readerView).toBe('open');
    expect(doc.history[0]?.data).toMatchObject({ person: { fullName: 'PIIMARK Person 7' } });
    expect(checkCaseExport(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
    const log = await recorder.personalData.accessLog.listByCase(CASE);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({
      channel: 'export',
      actor: { sub: 'off-2' },
      purpose: 'court file',
    });
  });

  it('after erasure shows the fields as erased while every hash still recomputes', async () => {
    const headBefore = (await verifyCase(recorder.store, CASE)).head;
    await recorder.erase(CASE);
    for (const reader of [
      auditor,
      { ...auditor, actor: { agency: 'pdrm', sub: 'x' }, permission: 'allowed' as const },
    ]) {
      const doc = await exportCase(
        { store: recorder.store, personalData: recorder.personalData },
        { caseId: CASE, reader },
      );
      const text = JSON.stringify(doc);
      expect(doc.manifest).toMatchObject({
        personalData: 'erased',
        readerView: 'erased',
        eventCount: 6,
      });
      expect(doc.history[0]?.data).toMatchObject({ person: { fullName: { $erased: true } } });
      expect(doc.events[4]?.hash).toBe(headBefore?.hash);
      for (const marker of PII_MARKERS) expect(text).not.toContain(marker);
      expect(checkCaseExport(JSON.parse(text))).toMatchObject({ ok: true, problems: [] });
    }
    expect((await verifyCase(recorder.store, CASE)).ok).toBe(true);
  });
});
