/**
 * The authorization matrix over real HTTP: every agency times every command. Allowed cells
 * succeed on a case prepared for them; the others get 403 and the store holds nothing from
 * them. The expected table is written out here from DOMAIN.md ("Who may record what") and
 * the domain README's decisions for the rows DOMAIN.md leaves open, independently of the
 * policy code.
 */
import { type CaseCommandType, caseCommandTypes } from '@casetrail/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import { prepareCommand } from './testing/command-samples.ts';

const agencies = [
  'wisma-putra',
  'embassy',
  'pdrm',
  'mapo',
  'immigration',
  'ag-chambers',
  'mp-centre',
  'auditor',
  'dpo',
] as const;
type AgencyName = (typeof agencies)[number];

const caseActors: AgencyName[] = [
  'wisma-putra',
  'embassy',
  'pdrm',
  'mapo',
  'immigration',
  'ag-chambers',
  'mp-centre',
];

const expected: Record<CaseCommandType, readonly AgencyName[]> = {
  ReportCase: ['wisma-putra', 'embassy', 'pdrm', 'mapo', 'mp-centre'],
  RecordTracking: ['wisma-putra', 'embassy', 'pdrm'],
  RecordRescue: ['wisma-putra', 'embassy', 'pdrm'],
  RecordRepatriation: ['wisma-putra', 'embassy', 'immigration'],
  ReclassifyPerson: ['pdrm', 'mapo'],
  ConfirmVictim: ['pdrm', 'mapo'],
  ReverseReclassification: ['pdrm', 'mapo'],
  RecordProsecution: ['pdrm', 'ag-chambers'],
  RecordProsecutionOutcome: ['pdrm', 'ag-chambers'],
  CloseCase: ['wisma-putra', 'pdrm', 'mapo'],
  ReopenCase: ['wisma-putra', 'pdrm', 'mapo'],
  LinkDuplicate: ['wisma-putra', 'pdrm', 'mapo'],
  // Not in DOMAIN.md's table: decided in the domain package (README).
  CorrectDetails: ['wisma-putra', 'embassy', 'pdrm', 'mapo', 'immigration', 'mp-centre'],
  RecordReDeparture: ['wisma-putra', 'embassy', 'pdrm', 'immigration'],
  ErasePersonalData: ['dpo'],
  OfferHandover: caseActors,
  AcceptHandover: caseActors,
  RejectHandover: caseActors,
  RevokeHandover: caseActors,
};

let service: TestCaseService;
beforeAll(async () => {
  service = await startTestCaseService();
});
afterAll(async () => {
  await service?.close();
});

describe('authorization matrix (every agency x every command)', () => {
  it.each(caseCommandTypes)('%s', async (type) => {
    for (const agency of agencies) {
      const allowed = expected[type].includes(agency);
      const prepared = await prepareCommand(service, type, agency);
      const before = await service.store.headPosition();
      const answer = await service.request(agency, 'POST', prepared.path, { body: prepared.body });
      const after = await service.store.headPosition();
      if (allowed) {
        expect(answer.status, `${agency} ${type}: ${answer.text}`).toBeLessThan(300);
        expect(after).toBeGreaterThan(before ?? 0);
      } else {
        expect(answer.status, `${agency} ${type}: ${answer.text}`).toBe(403);
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(after, `${agency} ${type} recorded something`).toBe(before);
      }
    }
  });
});
