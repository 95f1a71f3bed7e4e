/**
 * Maps the decider's refusals to problems by the category the domain gives every code, so
 * a new refusal code cannot be forgotten here: not-found 404, conflict 409, forbidden 403,
 * invalid 400 (naming the field). The domain's messages carry no personal data.
 */
import { type DecisionError, decisionErrorCategories } from '@casetrail/domain';
import { match } from 'ts-pattern';
import { type Problem, problem } from '../http/problem.ts';

export function decisionProblem(error: DecisionError): Problem {
  return match(decisionErrorCategories[error.code])
    .with('not-found', () =>
      problem(error.code === 'CaseNotFound' ? 'CaseNotFound' : 'NotFound', error.message, {
        code: error.code,
      }),
    )
    .with('conflict', () => problem('RuleViolation', error.message, { code: error.code }))
    .with('forbidden', () => problem('Forbidden', error.message, { code: error.code }))
    .with('invalid', () =>
      problem('InvalidInput', error.message, {
        code: error.code,
        errors: [{ field: error.field ?? '(body)', message: error.message }],
      }),
    )
    .exhaustive();
}
