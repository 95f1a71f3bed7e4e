/**
 * Access-log rows as SQLite returns them, parsed back with zod before anyone trusts them.
 */
import { z } from 'zod';
import type { ChainedContent } from './access-chain.ts';
import { AccessChannel, type AccessLogEntry } from './access-log.ts';
import { AccessLogError } from './errors.ts';

export const AccessLogRowSchema = z.object({
  sequence: z.number().int().positive(),
  at: z.string(),
  agency: z.string(),
  sub: z.string(),
  case_id: z.string(),
  purpose: z.string().nullable(),
  channel: z.enum(Object.values(AccessChannel) as [AccessChannel, ...AccessChannel[]]),
  previous_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AccessLogRow = z.input<typeof AccessLogRowSchema>;

export function entryFromRow(row: unknown): AccessLogEntry {
  const parsed = AccessLogRowSchema.safeParse(row);
  if (!parsed.success) {
    throw new AccessLogError('an access log row is malformed; run verify() to locate it');
  }
  const { sequence, at, agency, sub, case_id, purpose, channel, previous_hash, hash } = parsed.data;
  return {
    sequence,
    actor: { agency, sub },
    caseId: case_id,
    ...(purpose === null ? {} : { purpose }),
    channel,
    at,
    previousHash: previous_hash,
    hash,
  };
}

/** What the chain hashes for a row: every column but the row's own hash. */
export function chainedContentOf(
  row: Omit<z.output<typeof AccessLogRowSchema>, 'hash'>,
): ChainedContent {
  return {
    sequence: row.sequence,
    at: row.at,
    agency: row.agency,
    sub: row.sub,
    caseId: row.case_id,
    purpose: row.purpose,
    channel: row.channel,
    previousHash: row.previous_hash,
  };
}
