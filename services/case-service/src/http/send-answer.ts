/** Sends a stored or fresh answer (status, headers, JSON text) as the HTTP response. */
import type { Context } from 'hono';
import type { StoredAnswer } from '../idempotency/idempotency-store.ts';

export function sendAnswer(c: Context, answer: StoredAnswer): Response {
  return c.body(answer.body, answer.status as 200, { ...answer.headers });
}
