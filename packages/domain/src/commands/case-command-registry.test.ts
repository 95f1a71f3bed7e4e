import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseCommandRegistry, caseCommandTypes } from './case-command-registry.ts';

/** CONTRACT.md's routes, written out independently of the registry. */
const contract: Record<string, [method: string, path: string, action: string, status: number]> = {
  ReportCase: ['POST', '/v1/cases', 'report-case', 201],
  RecordTracking: ['POST', '/v1/cases/{caseId}/tracking', 'record-tracking', 200],
  RecordRescue: ['POST', '/v1/cases/{caseId}/rescue', 'record-rescue', 200],
  RecordRepatriation: ['POST', '/v1/cases/{caseId}/repatriation', 'record-repatriation', 200],
  ReclassifyPerson: ['POST', '/v1/cases/{caseId}/reclassification', 'reclassify-person', 200],
  ConfirmVictim: ['POST', '/v1/cases/{caseId}/victim-confirmation', 'confirm-victim', 200],
  ReverseReclassification: [
    'POST',
    '/v1/cases/{caseId}/reclassification-reversal',
    'reverse-reclassification',
    200,
  ],
  RecordProsecution: ['POST', '/v1/cases/{caseId}/prosecution', 'record-prosecution', 200],
  RecordProsecutionOutcome: [
    'POST',
    '/v1/cases/{caseId}/prosecution-outcome',
    'record-prosecution-outcome',
    200,
  ],
  CloseCase: ['POST', '/v1/cases/{caseId}/closure', 'close-case', 200],
  ReopenCase: ['POST', '/v1/cases/{caseId}/reopening', 'reopen-case', 200],
  LinkDuplicate: ['POST', '/v1/cases/{caseId}/duplicate-link', 'link-duplicate', 200],
  ErasePersonalData: ['POST', '/v1/cases/{caseId}/erasure', 'erase-personal-data', 200],
  CorrectDetails: ['POST', '/v1/cases/{caseId}/correction', 'correct-details', 200],
  RecordReDeparture: ['POST', '/v1/cases/{caseId}/re-departure', 'record-re-departure', 200],
  OfferHandover: ['POST', '/v1/cases/{caseId}/handovers', 'offer-handover', 201],
  AcceptHandover: [
    'POST',
    '/v1/cases/{caseId}/handovers/{handoverId}/acceptance',
    'respond-to-handover',
    200,
  ],
  RejectHandover: [
    'POST',
    '/v1/cases/{caseId}/handovers/{handoverId}/rejection',
    'respond-to-handover',
    200,
  ],
  RevokeHandover: [
    'POST',
    '/v1/cases/{caseId}/handovers/{handoverId}/revocation',
    'revoke-handover',
    200,
  ],
};

describe('caseCommandRegistry', () => {
  it('has exactly the commands of the contract', () => {
    expect([...caseCommandTypes].sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(caseCommandTypes)('%s: route, suffix, policy action and success status', (type) => {
    const entry = caseCommandRegistry[type];
    const [method, path, action, status] = contract[type]!;
    expect(entry.route).toEqual({
      method,
      path,
      suffix: type === 'ReportCase' ? null : path.replace('/v1/cases/{caseId}/', ''),
    });
    expect(entry.action).toBe(action);
    expect(entry.successStatus).toBe(status);
    expect('params' in entry).toBe(path.includes('{handoverId}'));
  });

  it.each(caseCommandTypes)('%s: body is strict with an optional occurredAt', (type) => {
    const body = caseCommandRegistry[type].body;
    const json = z.toJSONSchema(body) as {
      additionalProperties?: unknown;
      properties: object;
      required?: string[];
    };
    expect(json.additionalProperties).toBe(false);
    expect(json.properties).toHaveProperty('occurredAt');
    expect(json.required ?? []).not.toContain('occurredAt');
  });
});
