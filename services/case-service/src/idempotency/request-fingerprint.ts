/**
 * The hash an Idempotency-Key is bound to: method, path and the body's canonical JSON (the
 * event store's RFC 8785 encoding: sorted keys), so a retry that re-serialises the same body
 * matches and a changed body does not. Only called on bodies that passed their schema.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@casetrail/event-store';

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
