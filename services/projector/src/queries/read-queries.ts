/**
 * The queries the HTTP layer serves read models with. Each returns documents exactly as they
 * are published (no personal data), or undefined / empty when there is nothing yet.
 */
import type { ReportedCase } from '@casetrail/domain';
import {
  type CaseSummaryDocument,
  caseSummaryDocument,
  type NationalSummary,
  nationalSummaryFromCounts,
  type OpenHandover,
  type ProsecutionEntry,
  type PublicStatistics,
  publicStatistics,
  type StaleCase,
  type StaleOptions,
  staleCases,
  staleCutoff,
} from '@casetrail/projections';
import { CHECKPOINT_NAME } from '../runner/read-model-statements.ts';
import type { ReadModels } from './read-models.ts';

type CaseRow = {
  case_id: string;
  state: string;
  revision: number;
  position: number;
  updated_at: string;
};

function documentOf(row: CaseRow): CaseSummaryDocument {
  return caseSummaryDocument(row.case_id, JSON.parse(row.state) as ReportedCase, {
    revision: row.revision,
    position: row.position,
    recordedAt: row.updated_at,
  });
}

const caseColumns = 'case_id, state, revision, position, updated_at';

/** Last store position the read models reflect (undefined: nothing projected yet). */
export function readCheckpoint(readModels: ReadModels): number | undefined {
  const row = readModels
    .connection()
    .prepare('SELECT position FROM checkpoint WHERE name = ?')
    .get(CHECKPOINT_NAME) as { position: number } | undefined;
  return row?.position;
}

export function readCaseSummary(
  readModels: ReadModels,
  caseId: string,
): CaseSummaryDocument | undefined {
  const row = readModels
    .connection()
    .prepare(`SELECT ${caseColumns} FROM case_summaries WHERE case_id = ?`)
    .get(caseId) as CaseRow | undefined;
  return row === undefined ? undefined : documentOf(row);
}

export function readNationalSummary(readModels: ReadModels): NationalSummary {
  const row = readModels
    .connection()
    .prepare("SELECT document FROM statistics WHERE key = 'national'")
    .get() as { document: string } | undefined;
  if (row !== undefined) return JSON.parse(row.document) as NationalSummary;
  return nationalSummaryFromCounts(new Map(), { asOf: null, time: 'recorded', position: null });
}

export function readPublicStatistics(readModels: ReadModels): PublicStatistics {
  const row = readModels
    .connection()
    .prepare("SELECT document FROM statistics WHERE key = 'public'")
    .get() as { document: string } | undefined;
  if (row !== undefined) return JSON.parse(row.document) as PublicStatistics;
  return publicStatistics(readNationalSummary(readModels));
}

export function readProsecutionRegister(readModels: ReadModels): ProsecutionEntry[] {
  const rows = readModels
    .connection()
    .prepare('SELECT document FROM prosecution_register ORDER BY charged_at, case_id, sequence')
    .all() as { document: string }[];
  return rows.map((row) => JSON.parse(row.document) as ProsecutionEntry);
}

/** Open hand-overs offered to `agency`, or to every agency (grouped) when omitted. */
export function readOpenHandovers(readModels: ReadModels, agency: string): OpenHandover[];
export function readOpenHandovers(readModels: ReadModels): Record<string, OpenHandover[]>;
export function readOpenHandovers(
  readModels: ReadModels,
  agency?: string,
): OpenHandover[] | Record<string, OpenHandover[]> {
  const db = readModels.connection();
  const rows = (
    agency === undefined
      ? db
          .prepare('SELECT document FROM open_handovers ORDER BY to_agency, offered_at, case_id')
          .all()
      : db
          .prepare(
            'SELECT document FROM open_handovers WHERE to_agency = ? ORDER BY offered_at, case_id',
          )
          .all(agency)
  ) as { document: string }[];
  const handovers = rows.map((row) => JSON.parse(row.document) as OpenHandover);
  if (agency !== undefined) return handovers;
  const grouped: Record<string, OpenHandover[]> = {};
  for (const handover of handovers)
    grouped[handover.toAgency] = [...(grouped[handover.toAgency] ?? []), handover];
  return grouped;
}

/** Active cases without an update for `staleDays` days as of `now` (the index does the cut). */
export function readStaleCases(readModels: ReadModels, options: StaleOptions): StaleCase[] {
  const rows = readModels
    .connection()
    .prepare(
      `SELECT ${caseColumns} FROM case_summaries WHERE active = 1 AND updated_at <= ? ORDER BY updated_at`,
    )
    .all(staleCutoff(options)) as CaseRow[];
  return staleCases(rows.map(documentOf), options);
}
