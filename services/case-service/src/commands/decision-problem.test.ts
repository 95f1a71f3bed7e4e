import { decisionErrorCategories, decisionErrorCodes } from '@casetrail/domain';
import { describe, expect, it } from 'vitest';
import { decisionProblem } from './decision-problem.ts';

const statusOf = { 'not-found': 404, conflict: 409, forbidden: 403, invalid: 400 } as const;

describe('decisionProblem', () => {
  it.each(decisionErrorCodes)('%s maps to the status of its category, keeping the code', (code) => {
    const problem = decisionProblem({ code, message: 'why', field: 'occurredAt' });
    expect(problem.status).toBe(statusOf[decisionErrorCategories[code]]);
    expect(problem.code).toBe(code);
    expect(problem.detail).toBe('why');
    if (problem.status === 400)
      expect(problem.errors).toEqual([{ field: 'occurredAt', message: 'why' }]);
  });
});
