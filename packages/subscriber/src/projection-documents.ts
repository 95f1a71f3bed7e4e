/**
 * What a subscriber accepts from NATS, parsed at the edge: the case summary and statistics
 * documents (only the fields ordering depends on are checked; the rest passes through) and
 * the CloudEvents envelope of a stream message. Problems name fields, never values.
 */
import { z } from 'zod';

const version = z.int().nonnegative();

export const CaseDocumentSchema = z.looseObject({ revision: version, position: version });
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

export const StatsDocumentSchema = z.looseObject({ position: version.nullable() });
export type StatsDocument = z.infer<typeof StatsDocumentSchema>;

export const CaseEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.string().optional(),
  datacontenttype: z.literal('application/json').optional(),
  data: CaseDocumentSchema,
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseWith<T>(schema: z.ZodType<T>, read: () => unknown): Parsed<T> {
  let raw: unknown;
  try {
    raw = read();
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problem: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
      .join('; '),
  };
}
