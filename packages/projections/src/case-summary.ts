/**
 * The case summary read model (DOMAIN.md): one document per case, with the case revision and
 * the store position it reflects. It is the domain's own summary view (`summarizeCase` over
 * the `evolve`d CaseState, no personal data) plus what the log adds: case id, revision,
 * position, store time of the last update, and the open hand-overs as a list.
 * Must never copy a field the domain marks personal, nor use a key that names one (the
 * publication guard refuses documents carrying e.g. `notes` or `contact`).
 */
import { type CaseSummary, type ReportedCase, summarizeCase } from '@casetrail/domain';

export type CaseSummaryDocument = CaseSummary & {
  readonly kind: 'case-summary';
  readonly caseId: string;
  /** Revision of the case stream (0-based) this summary reflects. */
  readonly revision: number;
  /** Global store position of that event. */
  readonly position: number;
  /** Where the person is (the domain's stage). */
  readonly whereabouts: CaseSummary['stage'];
  /** Offers neither accepted, rejected nor revoked (the domain allows one at a time). */
  readonly openHandovers: readonly NonNullable<CaseSummary['openHandover']>[];
  /** Store time of the last event: staleness is measured from it. */
  readonly updatedAt: string;
};

export type LogPosition = {
  readonly revision: number;
  readonly position: number;
  /** Store time of the event at that revision. */
  readonly recordedAt: string;
};

export function caseSummaryDocument(
  caseId: string,
  state: ReportedCase,
  at: LogPosition,
): CaseSummaryDocument {
  const view = summarizeCase(state);
  return {
    kind: 'case-summary',
    caseId,
    revision: at.revision,
    position: at.position,
    whereabouts: view.stage,
    ...view,
    openHandovers: view.openHandover === null ? [] : [view.openHandover],
    updatedAt: at.recordedAt,
  };
}
