/**
 * Verification of the access log's chain, row by row in sequence order: the sequence must
 * follow on, the row must link to the previous hash and its own hash must match its contents;
 * finally the last row must be the recorded head (catching a removed or appended tail).
 */

import { accessEntryHash, GENESIS_HASH } from './access-chain.ts';
import type { AccessLogHead, AccessLogVerification } from './access-log.ts';
import { AccessLogRowSchema, chainedContentOf } from './access-log-row.ts';

export function verifyAccessChain(
  rows: Iterable<unknown>,
  head: AccessLogHead | undefined,
): AccessLogVerification {
  let expected = 1;
  let previousHash = GENESIS_HASH;
  const fail = (firstBadSequence: number, problem: string): AccessLogVerification => ({
    ok: false,
    entries: expected - 1,
    firstBadSequence,
    problem: `access log entry #${firstBadSequence}: ${problem}`,
  });
  for (const raw of rows) {
    const parsed = AccessLogRowSchema.safeParse(raw);
    if (!parsed.success) return fail(expected, 'row is malformed');
    const row = parsed.data;
    if (row.sequence !== expected) return fail(expected, 'is missing (the sequence jumps)');
    if (row.previous_hash !== previousHash) {
      return fail(expected, 'does not link to the previous entry (changed, removed or inserted)');
    }
    const hash = accessEntryHash(chainedContentOf(row));
    if (hash !== row.hash) return fail(expected, 'its contents do not match its hash (changed)');
    previousHash = row.hash;
    expected += 1;
  }
  const last = expected - 1;
  const headSequence = head?.sequence ?? 0;
  if (headSequence > last) {
    return fail(last + 1, `is missing: the recorded head is #${headSequence} (tail removed)`);
  }
  if (headSequence < last) {
    return fail(headSequence + 1, 'lies past the recorded head (appended outside the log)');
  }
  if ((head?.hash ?? GENESIS_HASH) !== previousHash) {
    return fail(last, 'does not match the recorded head hash (rewritten)');
  }
  return { ok: true, entries: last, head };
}
