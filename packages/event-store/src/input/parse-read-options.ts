/**
 * The edge of every adapter's reads: stream ids, revisions, positions and counts are parsed
 * with zod so that a bad option fails loudly (InvalidInputError) instead of reading nothing.
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';
import type { ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../port.ts';
import { describeIssue, streamIdSchema } from './parse-append.ts';

const count = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const index = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

const readStreamSchema = z.object({
  streamId: streamIdSchema,
  direction: z.literal(['forwards', 'backwards']).optional(),
  fromRevision: index.optional(),
  maxCount: count.optional(),
});

const readAllSchema = z.object({ afterPosition: index.optional(), maxCount: count.optional() });

const subscribeSchema = z.object({
  afterPosition: index.optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

export function parseReadStream(
  streamId: unknown,
  options: ReadStreamOptions | undefined,
): ReadStreamOptions & { readonly streamId: string } {
  return parseWith(readStreamSchema, { ...options, streamId });
}

export function parseReadAll(options: ReadAllOptions | undefined): ReadAllOptions {
  return parseWith(readAllSchema, { ...options });
}

export function parseSubscribe(options: SubscribeOptions | undefined): SubscribeOptions {
  return parseWith(subscribeSchema, { ...options });
}

export function parseStreamId(streamId: unknown): string {
  return parseWith(z.object({ streamId: streamIdSchema }), { streamId }).streamId;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map(describeIssue));
  return parsed.data;
}
