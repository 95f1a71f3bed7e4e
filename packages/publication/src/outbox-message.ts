/**
 * What a caller may put in the outbox, parsed at the edge. Documents are the read models as
 * published (case summary, national or public summary): JSON objects carrying the version
 * they are ordered by (`revision` for a case, `position` for statistics). Error messages name
 * the field and the rule, never the value.
 */
import { z } from 'zod';
import { OutboxMessageInvalidError } from './publication-errors.ts';

/** Largest document JSON accepted: NATS' default max_payload is 1 MiB, minus the envelope. */
export const maxDocumentBytes = 900 * 1024;

const keyToken = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,128}$/,
    'must be 1 to 128 letters, digits, "-" or "_" (it becomes a KV key and a subject token)',
  );
const version = z.int().nonnegative();

const caseDocument = z.looseObject({ revision: version, position: version });
/** `position` null: figures of an empty log (the projections package says so); ordered first. */
const statsDocument = z.looseObject({ position: version.nullable() });

export const OutboxMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('case'),
    caseId: keyToken,
    document: caseDocument,
    /** When the published state came to be (CloudEvents `time`); default: enqueue time. */
    time: z.iso.datetime({ offset: true }).optional(),
  }),
  z.strictObject({
    kind: z.literal('stats'),
    key: z.enum(['national', 'public']),
    document: statsDocument,
    time: z.iso.datetime({ offset: true }).optional(),
  }),
]);

export type OutboxMessage = z.input<typeof OutboxMessageSchema>;

/** A message ready for the outbox table: its key, ordering version and JSON text. */
export type PreparedMessage = {
  readonly kind: 'case' | 'stats';
  readonly key: string;
  readonly version: number;
  readonly document: string;
  readonly time: string | undefined;
};

export function prepareMessage(input: unknown): PreparedMessage {
  const parsed = OutboxMessageSchema.safeParse(input);
  if (!parsed.success) {
    throw new OutboxMessageInvalidError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`,
      ),
    );
  }
  const message = parsed.data;
  const key = message.kind === 'case' ? message.caseId : message.key;
  const carried = message.document.caseId;
  if (message.kind === 'case' && carried !== undefined && carried !== key) {
    throw new OutboxMessageInvalidError(['document.caseId: must equal the message caseId']);
  }
  let document: string;
  try {
    // The caller's object, not zod's copy: zod reorders keys, and KV should hold what was given.
    document = JSON.stringify((input as { document: unknown }).document);
  } catch (error) {
    throw new OutboxMessageInvalidError([
      `document: is not JSON-serialisable (${error instanceof Error ? error.name : 'error'})`,
    ]);
  }
  if (Buffer.byteLength(document) > maxDocumentBytes) {
    throw new OutboxMessageInvalidError([`document: larger than ${maxDocumentBytes} bytes`]);
  }
  const version =
    message.kind === 'case' ? message.document.revision : (message.document.position ?? -1);
  return { kind: message.kind, key, version, document, time: message.time };
}
