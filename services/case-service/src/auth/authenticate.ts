/**
 * Middleware that admits only requests with a valid bearer token and records the actor
 * (agency and `sub`) for the handlers. Refusals are 401 problems saying what is wrong with
 * the token in general terms; an unreachable JWKS is 503, since we cannot tell.
 */
import type { MiddlewareHandler } from 'hono';
import { problem, problemResponse } from '../http/problem.ts';
import type { ServiceEnv } from '../http/service-env.ts';
import type { TokenVerifier } from './token-verifier.ts';

const reasons = {
  missing: 'send Authorization: Bearer <token>',
  malformed: 'the bearer token is malformed',
  expired: 'the bearer token has expired',
  invalid: 'the bearer token is not signed by a trusted key',
  claims: "the bearer token's claims are invalid (it needs sub, agency and exp)",
} as const;

export function authenticate(verify: TokenVerifier): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    const check = await verify(c.req.header('authorization'));
    if (check.ok) {
      c.set('actor', check.actor);
      return next();
    }
    if (check.reason === 'unavailable') {
      return problemResponse(
        c,
        problem('Unavailable', 'the token keys cannot be fetched right now; retry'),
        { 'Retry-After': '1' },
      );
    }
    return problemResponse(c, problem('Unauthenticated', reasons[check.reason]), {
      'WWW-Authenticate':
        check.reason === 'missing' ? 'Bearer realm="casetrail"' : 'Bearer error="invalid_token"',
    });
  };
}
