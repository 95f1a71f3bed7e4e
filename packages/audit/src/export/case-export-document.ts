/**
 * The case export: one case's history as a self-contained JSON file a third party can check
 * offline (docs/audit.md, "Offline verification"). It carries every recorded event exactly as
 * stored (sealed personal fields stay sealed, so every hash recomputes), the chain of hashes,
 * the history as the exporter could read it (with the case state after each event) and a
 * manifest. The schema below is the edge where a file comes back in: structure only; the
 * hashes are judged by check-case-export.ts on the raw JSON, never on a reshaped copy.
 */
import { z } from 'zod';
import type { HistoryEntry, PersonalDataView } from '../history/history-entry.ts';

export const CASE_EXPORT_FORMAT = 'casetrail/case-export';
export const CASE_EXPORT_FORMAT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const jsonObject = z.record(z.string(), z.unknown(), { message: 'must be a JSON object' });
const revision = z.int().min(0);
const position = z.number().min(0);

const storedEventSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.int().min(1),
  data: jsonObject,
  metadata: z.looseObject({
    actor: z.looseObject({ agency: z.string().min(1), sub: z.string().min(1) }),
    correlationId: z.string().min(1),
    occurredAt: isoTime,
  }),
  streamId: z.string().min(1),
  revision,
  position,
  recordedAt: isoTime,
  previousHash: hex64,
  hash: z.string(),
  logHash: z.string().optional(),
});

const chainLinkSchema = z.strictObject({
  revision,
  position,
  previousHash: hex64,
  hash: z.string(),
});

const historyEntrySchema = z.strictObject({
  revision,
  position,
  eventId: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.int().min(1),
  recordedBy: z.strictObject({ agency: z.string(), sub: z.string() }),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  occurredAt: isoTime,
  recordedAt: isoTime,
  previousHash: z.string(),
  hash: z.string(),
  data: jsonObject,
  stateAfter: jsonObject,
});

const view = z.enum(['open', 'masked', 'erased']);

export const caseExportSchema = z.strictObject({
  format: z.literal(CASE_EXPORT_FORMAT),
  formatVersion: z.literal(CASE_EXPORT_FORMAT_VERSION),
  manifest: z.strictObject({
    caseId: z.string().min(1),
    streamId: z.string().min(1),
    exportedAt: isoTime,
    exportedBy: z.strictObject({ agency: z.string(), sub: z.string() }),
    eventCount: z.int().min(1),
    head: z.strictObject({ revision, position, hash: hex64 }),
    /** How the stored personal fields are: sealed (encrypted) or erased (key destroyed). */
    personalData: z.enum(['sealed', 'erased']),
    /** How `history[].data` shows them to the exporter. */
    readerView: view,
    integrity: z.strictObject({
      hashAlgorithm: z.literal('SHA-256'),
      eventHashPrefix: z.string(),
      hashedFields: z.array(z.string()),
      canonicalEncoding: z.string(),
      genesisHash: hex64,
    }),
    /** The store's own check of this stream when the export was made. */
    storeVerification: z.strictObject({
      ok: z.boolean(),
      firstProblem: z
        .strictObject({ revision: z.int().nullable(), failure: z.string(), detail: z.string() })
        .nullable(),
    }),
    checkWith: z.string(),
  }),
  events: z.array(storedEventSchema).min(1),
  chain: z.array(chainLinkSchema),
  history: z.array(historyEntrySchema),
});

export type CaseExportDocument = z.infer<typeof caseExportSchema>;

/** The manifest's description of the hash, written out for a reader without our code. */
export const integrityDescription = {
  hashAlgorithm: 'SHA-256' as const,
  eventHashPrefix: 'casetrail/event/v1\\n',
  hashedFields: [
    'data',
    'id',
    'metadata',
    'previousHash',
    'recordedAt',
    'revision',
    'schemaVersion',
    'streamId',
    'type',
  ],
  canonicalEncoding:
    'RFC 8785 JSON Canonicalization Scheme: keys sorted by UTF-16 code units, no whitespace, ' +
    'strings and numbers as ECMAScript JSON.stringify writes them',
};

/** What an export's producer fills in; the schema's types with the history's own. */
export type CaseExport = Omit<CaseExportDocument, 'history' | 'manifest'> & {
  readonly manifest: CaseExportDocument['manifest'] & { readonly readerView: PersonalDataView };
  readonly history: readonly HistoryEntry[];
};
