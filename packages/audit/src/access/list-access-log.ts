/**
 * The access log as auditors list it (GET /v1/audit/access-log, `casetrail access-log`): every
 * read of decrypted personal data for one case, one user or one agency, with the state of the
 * log's own hash chain, so a list from a tampered log is never taken at face value.
 * The entries say who read which case when and why, never what was read.
 */
import type { AccessLog, AccessLogEntry, AccessLogVerification } from '@casetrail/personal-data';
import { z } from 'zod';
import { InvalidAuditQueryError } from '../errors.ts';

const filterSchema = z
  .strictObject({
    caseId: z.string().min(1, 'must not be empty').max(200).optional(),
    sub: z.string().min(1, 'must not be empty').max(200).optional(),
    agency: z.string().min(1, 'must not be empty').max(100).optional(),
  })
  .refine(
    (filter) => [filter.caseId, filter.sub, filter.agency].filter(Boolean).length === 1,
    'give exactly one of caseId, sub or agency',
  );

export type AccessLogFilter =
  | { readonly caseId: string }
  | { readonly sub: string }
  | { readonly agency: string };

export type AccessLogListing = {
  readonly filter: AccessLogFilter;
  readonly entries: readonly AccessLogEntry[];
  readonly chain: AccessLogVerification;
};

/** Parses `{ caseId? , sub?, agency? }` (exactly one); throws InvalidAuditQueryError. */
export function parseAccessLogFilter(input: Record<string, unknown>): AccessLogFilter {
  const cleaned = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = filterSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new InvalidAuditQueryError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'caseId|sub|agency',
        message: issue.message,
      })),
    );
  }
  const { caseId, sub, agency } = parsed.data;
  if (caseId !== undefined) return { caseId };
  if (sub !== undefined) return { sub };
  return { agency: agency! };
}

export async function listAccessLog(
  accessLog: AccessLog,
  filter: AccessLogFilter,
): Promise<AccessLogListing> {
  const entries =
    'caseId' in filter
      ? await accessLog.listByCase(filter.caseId)
      : 'sub' in filter
        ? await accessLog.listByUser(filter.sub)
        : await accessLog.listByAgency(filter.agency);
  return { filter, entries, chain: await accessLog.verify() };
}
