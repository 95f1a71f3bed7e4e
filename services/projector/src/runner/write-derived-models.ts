/**
 * The read models derived from a case's summary (prosecution register, open hand-overs) and
 * from the national counters (national summary and public statistics), written inside the
 * writer's transaction. Statistics are enqueued for NATS once per batch, not per event.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  type CaseSummaryDocument,
  nationalSummaryFromCounts,
  openHandoversOf,
  type ProjectionName,
  prosecutionEntriesOf,
  publicStatistics,
} from '@casetrail/projections';
import { enqueue } from '@casetrail/publication';
import type { WriterStatements } from './read-model-statements.ts';

export function writeRegisters(
  statements: WriterStatements,
  projections: ReadonlySet<ProjectionName>,
  document: CaseSummaryDocument,
): void {
  if (projections.has('prosecution-register')) {
    statements.clearProsecutions.run(document.caseId);
    for (const entry of prosecutionEntriesOf(document)) {
      statements.saveProsecution.run(
        entry.caseId,
        entry.sequence,
        entry.chargedAt,
        entry.status,
        JSON.stringify(entry),
      );
    }
  }
  if (projections.has('open-handovers')) {
    statements.clearHandovers.run(document.caseId);
    for (const open of openHandoversOf(document)) {
      statements.saveHandover.run(
        open.handoverId,
        open.caseId,
        open.toAgency,
        open.fromAgency,
        open.offeredAt,
        JSON.stringify(open),
      );
    }
  }
}

export function writeStatistics(
  db: DatabaseSync,
  statements: WriterStatements,
  counts: ReadonlyMap<string, number>,
  position: number,
  publish: boolean,
): void {
  const national = nationalSummaryFromCounts(counts, { asOf: null, time: 'recorded', position });
  const published = publicStatistics(national);
  statements.saveStatistics.run('national', position, JSON.stringify(national));
  statements.saveStatistics.run('public', position, JSON.stringify(published));
  if (publish) {
    enqueue(db, { kind: 'stats', key: 'national', document: national });
    enqueue(db, { kind: 'stats', key: 'public', document: published });
  }
}
