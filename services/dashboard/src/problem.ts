/**
 * RFC 9457 problem responses of the dashboard's routes, in the case service's vocabulary
 * (`urn:casetrail:problem:<slug>`, a stable `code`). Details never quote request values.
 */
import type { Context } from 'hono';

const kinds = {
  InvalidInput: { slug: 'invalid-input', status: 400, title: 'Invalid input' },
  Unauthenticated: { slug: 'unauthenticated', status: 401, title: 'Missing or bad token' },
  NotFound: { slug: 'not-found', status: 404, title: 'Not found' },
} as const;

export function problemJson(
  c: Context,
  kind: keyof typeof kinds,
  detail: string,
  extra: { errors?: readonly { field: string; message: string }[] } = {},
): Response {
  const { slug, status, title } = kinds[kind];
  const body = {
    type: `urn:casetrail:problem:${slug}`,
    title,
    status,
    detail,
    code: kind,
    ...extra,
  };
  c.header('Content-Type', 'application/problem+json');
  return c.body(JSON.stringify(body), status);
}

export function unauthenticated(c: Context): Response {
  c.header('WWW-Authenticate', 'Bearer realm="casetrail"');
  return problemJson(c, 'Unauthenticated', 'send Authorization: Bearer <token>');
}
