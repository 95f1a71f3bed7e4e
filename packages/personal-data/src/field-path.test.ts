import { describe, expect, it } from 'vitest';
import {
  collectPersonalFields,
  formatPath,
  mapPersonalFields,
  outermostPaths,
} from './field-path.ts';

const data = {
  person: { fullName: 'Aminah', sex: 'female' },
  contacts: [{ phone: '+60 1', kind: 'mother' }, { kind: 'none' }, { phone: '+60 2' }],
  notes: { first: 'n1', second: 'n2' },
  country: 'KH',
};

describe('field paths', () => {
  it('reaches nested fields, every array element and every record value through `*`', () => {
    const found = collectPersonalFields(data, [
      ['person', 'fullName'],
      ['contacts', '*', 'phone'],
      ['notes', '*'],
    ]);
    expect(found.map((field) => formatPath(field.path))).toEqual([
      'person.fullName',
      'contacts[0].phone',
      'contacts[2].phone',
      'notes.first',
      'notes.second',
    ]);
    expect(found.map((field) => field.value)).toEqual(['Aminah', '+60 1', '+60 2', 'n1', 'n2']);
  });

  it('skips absent fields and never invents them', () => {
    const mapped = mapPersonalFields(
      data,
      [
        ['person', 'passport'],
        ['missing', '*', 'x'],
      ],
      () => 1,
    );
    expect(mapped).toEqual(data);
    expect(Object.hasOwn(mapped.person as object, 'passport')).toBe(false);
  });

  it('replaces values in a copy and leaves the input untouched', () => {
    const before = structuredClone(data);
    const mapped = mapPersonalFields(data, [['contacts', '*', 'phone']], () => 'X');
    expect(data).toEqual(before);
    expect(mapped.contacts).toEqual([
      { phone: 'X', kind: 'mother' },
      { kind: 'none' },
      { phone: 'X' },
    ]);
  });

  it('does not treat array indexes as named keys', () => {
    expect(collectPersonalFields({ list: ['a', 'b'] }, [['list', '0']])).toEqual([]);
  });

  it('keeps only the outermost of nested paths, so nothing is sealed twice', () => {
    expect(
      outermostPaths([['person', 'fullName'], ['person'], ['contacts', '*', 'phone'], []]),
    ).toEqual([['person'], ['contacts', '*', 'phone']]);
  });
});
