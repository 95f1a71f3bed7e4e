import { describe, expect, it } from 'vitest';
import { InvalidAuditQueryError } from '../errors.ts';
import { parseAsOf, parseCaseId } from './audit-query.ts';

describe('parseAsOf', () => {
  it('defaults to the whole log on the recorded axis', () => {
    expect(parseAsOf({})).toEqual({ at: null, time: 'recorded' });
    expect(parseAsOf({ asOf: '', time: '' })).toEqual({ at: null, time: 'recorded' });
  });

  it('normalises a moment with a zone to UTC', () => {
    expect(parseAsOf({ asOf: '2024-10-29T23:59:59+08:00', time: 'occurred' })).toEqual({
      at: '2024-10-29T15:59:59.000Z',
      time: 'occurred',
    });
  });

  it.each([
    [{ asOf: '2023-05-06' }, 'asOf'],
    [{ asOf: '2023-05-06T10:00:00' }, 'asOf'],
    [{ asOf: 'yesterday' }, 'asOf'],
    [{ time: 'business' }, 'time'],
  ])('refuses %j naming %s, without echoing the value', (input, field) => {
    try {
      parseAsOf(input);
      expect.fail('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAuditQueryError);
      const problems = (error as InvalidAuditQueryError).problems;
      expect(problems.map((problem) => problem.field)).toEqual([field]);
      expect((error as Error).message).not.toContain(String(Object.values(input)[0]));
    }
  });
});

describe('parseCaseId', () => {
  it('accepts a ULID and refuses anything else naming caseId', () => {
    expect(parseCaseId('01JC0000000000000000000001')).toBe('01JC0000000000000000000001');
    expect(() => parseCaseId('PIIMARK Ahmad')).toThrow(/caseId/);
    expect(() => parseCaseId('PIIMARK Ahmad')).not.toThrow(/PIIMARK/);
  });
});
