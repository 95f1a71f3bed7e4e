/**
 * RFC 9457 problem details: the one shape of every error answer. Details and field messages
 * are written by us or by the domain and never quote request values (which may be personal).
 */
import type { Context } from 'hono';

/** Problem types of this API: `type` is `urn:casetrail:problem:<slug>` (see docs/api.md). */
export const ProblemKind = {
  InvalidInput: { slug: 'invalid-input', status: 400, title: 'Invalid input' },
  Unauthenticated: { slug: 'unauthenticated', status: 401, title: 'Missing or bad token' },
  Forbidden: { slug: 'forbidden', status: 403, title: 'Not allowed for this agency' },
  NotFound: { slug: 'not-found', status: 404, title: 'Not found' },
  CaseNotFound: { slug: 'case-not-found', status: 404, title: 'Unknown case' },
  RuleViolation: {
    slug: 'rule-violation',
    status: 409,
    title: "Not allowed in the case's current state",
  },
  ConcurrencyConflict: {
    slug: 'concurrency-conflict',
    status: 409,
    title: 'The case kept changing; retry',
  },
  IdempotencyInProgress: {
    slug: 'idempotency-key-in-progress',
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  StaleRevision: { slug: 'stale-revision', status: 412, title: 'Stale If-Match revision' },
  PayloadTooLarge: { slug: 'payload-too-large', status: 413, title: 'Request body too large' },
  UnsupportedMediaType: {
    slug: 'unsupported-media-type',
    status: 415,
    title: 'Request body must be JSON',
  },
  IdempotencyKeyReused: {
    slug: 'idempotency-key-reused',
    status: 422,
    title: 'Idempotency-Key already used for a different request',
  },
  Internal: { slug: 'internal', status: 500, title: 'Internal error' },
  Unavailable: { slug: 'unavailable', status: 503, title: 'Service unavailable' },
} as const;
export type ProblemKind = keyof typeof ProblemKind;

export type FieldError = { readonly field: string; readonly message: string };

export type Problem = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable machine code: the problem kind, or the domain's error code for 409s. */
  readonly code: string;
  readonly errors?: readonly FieldError[];
};

export function problemType(kind: ProblemKind): string {
  return `urn:casetrail:problem:${ProblemKind[kind].slug}`;
}

export function problem(
  kind: ProblemKind,
  detail: string,
  extra: { code?: string; errors?: readonly FieldError[] } = {},
): Problem {
  const { status, title } = ProblemKind[kind];
  return {
    type: problemType(kind),
    title,
    status,
    detail,
    code: extra.code ?? kind,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
}

export function problemResponse(
  c: Context,
  value: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(value), value.status as 400, {
    ...headers,
    'Content-Type': 'application/problem+json',
  });
}

/** The one answer for an unknown case, on writes and reads alike. */
export function caseNotFound(): Problem {
  return problem('CaseNotFound', 'there is no case with this id', { code: 'CaseNotFound' });
}
