/**
 * The edge where audit queries come in (HTTP query strings, CLI flags): case ids, "as of"
 * moments and the time axis, parsed with zod. A bad value is refused naming the field and
 * what is wrong with it, never echoing the value.
 */
import { caseIdSchema } from '@casetrail/domain';
import { z } from 'zod';
import { InvalidAuditQueryError } from '../errors.ts';

/** Which clock an "as of" moment is read on (DOMAIN.md "Time"). */
export const TimeAxis = { RECORDED: 'recorded', OCCURRED: 'occurred' } as const;
export type TimeAxis = (typeof TimeAxis)[keyof typeof TimeAxis];

/** A moment on one clock; `at: null` means "now": the whole log. */
export type AsOf = { readonly at: string | null; readonly time: TimeAxis };

export const AS_OF_EXAMPLE = '2024-10-29T23:59:59+08:00';

const asOfSchema = z.iso
  .datetime({
    offset: true,
    message: `must be an ISO 8601 date-time with a zone, e.g. ${AS_OF_EXAMPLE}`,
  })
  .transform((text) => new Date(text).toISOString());

export const asOfQuerySchema = z.object({
  asOf: asOfSchema.optional(),
  time: z
    .enum([TimeAxis.RECORDED, TimeAxis.OCCURRED], {
      message: 'must be recorded (what was known then) or occurred (what had happened by then)',
    })
    .default(TimeAxis.RECORDED),
});

type Issues = readonly { readonly field: string; readonly message: string }[];

function issuesOf(error: z.ZodError): Issues {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '(query)',
    message: issue.message,
  }));
}

/** `{ asOf?, time? }` from a query string or flags; throws InvalidAuditQueryError. */
export function parseAsOf(input: { asOf?: unknown; time?: unknown }): AsOf {
  const parsed = asOfQuerySchema.safeParse({
    asOf: input.asOf === '' ? undefined : input.asOf,
    time: input.time === '' ? undefined : input.time,
  });
  if (!parsed.success) throw new InvalidAuditQueryError(issuesOf(parsed.error));
  return { at: parsed.data.asOf ?? null, time: parsed.data.time };
}

/** A case id (a ULID); throws InvalidAuditQueryError naming `caseId`. */
export function parseCaseId(input: unknown): string {
  const parsed = caseIdSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidAuditQueryError([
      { field: 'caseId', message: parsed.error.issues[0]?.message ?? 'must be a case id' },
    ]);
  }
  return parsed.data;
}
