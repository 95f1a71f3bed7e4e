/**
 * The access-log port: every read of decrypted personal data (API, CLI, export) is recorded:
 * who, which agency, when, which case, for what stated purpose. Append-only and hash-chained
 * like the event log, so auditors can check that no entry was changed, removed or slipped in.
 * It records that a read happened, never what was read.
 */
import { z } from 'zod';
import { SubjectIdSchema } from './key-store.ts';

export const AccessChannel = { API: 'api', CLI: 'cli', EXPORT: 'export' } as const;
export type AccessChannel = (typeof AccessChannel)[keyof typeof AccessChannel];

const printable = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // Control characters would let a purpose header forge line breaks in exported logs.
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** One access as the caller reports it. */
export const AccessRecordSchema = z
  .object({
    actor: z.object({ agency: printable(100), sub: printable(200) }).strict(),
    caseId: SubjectIdSchema,
    purpose: printable(500).optional(),
    channel: z.enum(Object.values(AccessChannel) as [AccessChannel, ...AccessChannel[]]),
    at: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
      .transform((text) => new Date(text).toISOString()),
  })
  .strict();

export type AccessRecord = z.input<typeof AccessRecordSchema>;

/** One recorded access, with its place in the chain. */
export type AccessLogEntry = {
  readonly sequence: number;
  readonly actor: { readonly agency: string; readonly sub: string };
  readonly caseId: string;
  readonly purpose?: string;
  readonly channel: AccessChannel;
  /** When the read happened (ISO 8601 UTC). */
  readonly at: string;
  readonly previousHash: string;
  readonly hash: string;
};

export type AccessLogHead = { readonly sequence: number; readonly hash: string };

export type AccessLogVerification =
  | { readonly ok: true; readonly entries: number; readonly head: AccessLogHead | undefined }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The first entry that is wrong or missing. */
      readonly firstBadSequence: number;
      readonly problem: string;
    };

export type AccessLog = {
  /** Appends one entry durably; throws InvalidInputError naming each bad field. */
  record(access: AccessRecord): Promise<AccessLogEntry>;
  listByCase(caseId: string): Promise<readonly AccessLogEntry[]>;
  listByUser(sub: string): Promise<readonly AccessLogEntry[]>;
  listByAgency(agency: string): Promise<readonly AccessLogEntry[]>;
  /** The last entry's sequence and hash, to anchor outside the log (undefined when empty). */
  head(): Promise<AccessLogHead | undefined>;
  /** Walks the whole chain; names the first bad entry. */
  verify(): Promise<AccessLogVerification>;
  close(): Promise<void>;
};
