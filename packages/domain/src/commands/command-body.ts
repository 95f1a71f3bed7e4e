import { z } from 'zod';
import { occurredAtSchema } from '../vocabulary/identifiers.ts';

/**
 * A command body is exactly the JSON body its HTTP route accepts: strict (unknown fields
 * refused) and with an optional `occurredAt` for business time.
 */
export function commandBody<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject({ ...shape, occurredAt: occurredAtSchema.optional() });
}

/** The event data a command body carries: the body without `occurredAt` (metadata). */
export function withoutOccurredAt<T extends { occurredAt?: string | undefined }>(
  body: T,
): Omit<T, 'occurredAt'> {
  const { occurredAt: _metadata, ...data } = body;
  return data;
}
