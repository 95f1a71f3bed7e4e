import { describe, expect, it } from 'vitest';
import { CaseDocumentSchema, CaseEventSchema, parseWith } from './projection-documents.ts';

describe('parseWith', () => {
  it('keeps every field of a valid document', () => {
    const document = { caseId: 'C', revision: 2, position: 9, stage: 'rescued' };
    expect(parseWith(CaseDocumentSchema, () => document)).toEqual({ ok: true, value: document });
  });

  it('names the fields that are wrong, without their values', () => {
    expect(parseWith(CaseDocumentSchema, () => ({ revision: 'secret', position: -1 }))).toEqual({
      ok: false,
      problem:
        'revision: Invalid input: expected number, received string; position: Too small: expected number to be >=0',
    });
  });

  it('reports text that is not JSON and envelopes that are not CloudEvents 1.0', () => {
    const notJson = () => JSON.parse('{');
    expect(parseWith(CaseEventSchema, notJson)).toEqual({ ok: false, problem: 'not JSON' });
    const result = parseWith(CaseEventSchema, () => ({ specversion: '0.3', data: {} }));
    expect(result.ok).toBe(false);
  });
});
