import { caseEventTypes } from '@casetrail/domain';
import { describe, expect, it } from 'vitest';
import { domainPersonalPaths } from './domain-personal-paths.ts';

describe('domainPersonalPaths', () => {
  it('reads the personal paths of every event type the domain registers', () => {
    for (const type of caseEventTypes) {
      for (const path of domainPersonalPaths(type)) {
        expect(path.length, type).toBeGreaterThan(0);
        expect(path.every((segment) => segment.length > 0)).toBe(true);
      }
    }
  });

  it('finds the reported person’s name among CaseReported’s personal fields', () => {
    expect(domainPersonalPaths('CaseReported')).toContainEqual(['person', 'fullName']);
  });

  it('throws for an event type the domain does not know', () => {
    expect(() => domainPersonalPaths('NoSuchEvent')).toThrow(/unknown case event type/);
  });
});
