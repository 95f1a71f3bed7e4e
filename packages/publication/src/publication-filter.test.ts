import { describe, expect, it } from 'vitest';
import { PublicationFilterInvalidError } from './publication-errors.ts';
import { createDenyListFilter } from './publication-filter.ts';

const target = { kind: 'case', key: 'CASE-1' } as const;

describe('createDenyListFilter', () => {
  const filter = createDenyListFilter(['fullName', '$.reporter.contact', 'persons[*].passport']);

  it('lets a document without denied fields through', () => {
    const verdict = filter(
      { revision: 1, stage: 'tracked', reporter: { source: 'family' } },
      target,
    );
    expect(verdict).toEqual({ ok: true });
  });

  it('refuses a denied field at any depth, naming the path and never the value', () => {
    const verdict = filter(
      { revision: 1, person: { fullName: 'Ahmad bin Ali' }, notes: [{ fullName: 'X' }] },
      target,
    );
    expect(verdict).toEqual({
      ok: false,
      reason: 'document carries denied field(s): person.fullName, notes.0.fullName',
    });
    expect(JSON.stringify(verdict)).not.toContain('Ahmad');
  });

  it('matches a dotted entry only under its parent, and ignores array indexes', () => {
    expect(filter({ contact: 'agency desk' }, target)).toEqual({ ok: true });
    expect(filter({ reporter: { contact: { phone: '012' } } }, target)).toMatchObject({
      ok: false,
    });
    expect(filter({ persons: [{ passport: 'A1' }] }, target)).toEqual({
      ok: false,
      reason: 'document carries denied field(s): persons.0.passport',
    });
  });

  it('refuses a field even when its value is null or empty', () => {
    expect(filter({ fullName: null }, target)).toMatchObject({ ok: false });
    expect(filter({ fullName: '' }, target)).toMatchObject({ ok: false });
  });

  it('cannot be built empty: a guard that denies nothing is refused', () => {
    expect(() => createDenyListFilter([])).toThrow(PublicationFilterInvalidError);
    expect(() => createDenyListFilter(['$', '*'])).toThrow(/at least one field/);
  });
});
