import { describe, expect, it } from 'vitest';
import { personalDataGuard } from './personal-data-guard.ts';

describe('personalDataGuard', () => {
  const guard = personalDataGuard();
  const target = { kind: 'case', key: 'x' } as const;

  it('refuses a document carrying a personal field at any depth, naming the path only', () => {
    const verdict = guard({ caseId: 'x', revision: 1, person: { fullName: 'PII Ahmad' } }, target);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.reason).toContain('person.fullName');
      expect(verdict.reason).not.toContain('Ahmad');
    }
    for (const field of [
      'myKadNumber',
      'passportNumber',
      'birthDate',
      'contact',
      'notes',
      'narrative',
    ]) {
      expect(guard({ deep: [{ [field]: 'x' }] }, target).ok).toBe(false);
    }
  });

  it('lets the read-model documents through', () => {
    expect(
      guard({ caseId: 'x', revision: 3, whereabouts: 'tracked', lastKnownCountry: 'KH' }, target),
    ).toEqual({ ok: true });
  });
});
