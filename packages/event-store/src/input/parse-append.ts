/**
 * The edge of every adapter's `append`: parses what the caller hands in with zod and refuses
 * it as a whole (InvalidInputError naming each bad field) before anything is written.
 * Problems name fields and indexes only, never values: event data may be personal.
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';
import { canonicalJson, NotCanonicalizableError } from '../integrity/canonical-json.ts';
import { canonicalMetadataJson, type EncodedParts } from '../integrity/hash-chain.ts';
import type { ExpectedRevision, NewEvent } from '../port.ts';

/** Canonical (upper-case Crockford base32) ULID: ids are compared as strings. */
export const ulidPattern = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** Stream ids: printable, no whitespace, bounded; `$` first is reserved for store internals. */
export const streamIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s$\p{Cc}][^\s\p{Cc}]*$/u, 'must be printable, without whitespace, not start with $');

const nonEmptyText = z.string().min(1).max(200);

export const eventMetadataSchema = z.strictObject({
  actor: z.strictObject({ agency: nonEmptyText, sub: nonEmptyText }),
  correlationId: nonEmptyText,
  causationId: nonEmptyText.optional(),
  occurredAt: z.iso.datetime({ offset: false }),
});

export const newEventSchema = z.strictObject({
  id: z.string().regex(ulidPattern, 'must be a ULID in upper-case Crockford base32'),
  type: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must be a name (letters, digits, _ . -)'),
  schemaVersion: z.int().min(1).max(1_000_000),
  // Checked without copying; canonicalJson below checks every value inside.
  data: z.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object'),
  metadata: eventMetadataSchema,
});

export const expectedRevisionSchema = z.union([
  z.literal(['any', 'no_stream', 'exists']),
  z.int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

const appendSchema = z.object({
  streamId: streamIdSchema,
  events: z.array(newEventSchema).min(1, 'nothing to append').max(10_000),
  expectedRevision: expectedRevisionSchema,
});

export type ParsedAppend = {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /** Per event, its data and metadata already in canonical JSON (hashed, and stored). */
  readonly encoded: readonly EncodedParts[];
  readonly expectedRevision: ExpectedRevision;
};

export function parseAppend(streamId: unknown, events: unknown, options: unknown): ParsedAppend {
  const expectedRevision =
    typeof options === 'object' && options !== null
      ? (options as { expectedRevision?: unknown }).expectedRevision
      : undefined;
  const parsed = appendSchema.safeParse({ streamId, events, expectedRevision });
  if (!parsed.success) {
    throw new InvalidInputError(parsed.error.issues.map((issue) => describeIssue(issue)));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const encoded: EncodedParts[] = [];
  parsed.data.events.forEach((event, index) => {
    if (seen.has(event.id)) problems.push(`events[${index}].id: repeated within the append`);
    seen.add(event.id);
    try {
      const dataJson = canonicalJson(event.data, `events[${index}].data`);
      // The strict schema fixed the metadata's keys, so its encoding can be written out.
      encoded.push({ dataJson, metadataJson: canonicalMetadataJson(event.metadata) });
    } catch (error) {
      if (!(error instanceof NotCanonicalizableError)) throw error;
      problems.push(error.message);
    }
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { ...(parsed.data as Omit<ParsedAppend, 'encoded'>), encoded };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return `${path || '(input)'}: ${issue.message}`;
}
