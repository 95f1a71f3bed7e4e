/**
 * Open hand-overs per agency: offers made and neither accepted, rejected nor revoked, listed
 * under the agency they are offered to (the one that has to act on them).
 */
import type { CaseSummaryDocument } from './case-summary.ts';

export type OpenHandover = CaseSummaryDocument['openHandovers'][number] & {
  readonly caseId: string;
};

export function openHandoversOf(summary: CaseSummaryDocument | undefined): OpenHandover[] {
  if (summary === undefined) return [];
  return summary.openHandovers.map((handover) => ({ ...handover, caseId: summary.caseId }));
}

/** Groups by receiving agency, oldest offer first within each. */
export function openHandoversByAgency(
  handovers: Iterable<OpenHandover>,
): Record<string, OpenHandover[]> {
  const byAgency: Record<string, OpenHandover[]> = {};
  for (const handover of handovers) {
    const list = byAgency[handover.toAgency] ?? [];
    list.push(handover);
    byAgency[handover.toAgency] = list;
  }
  for (const list of Object.values(byAgency)) {
    list.sort((a, b) => a.offeredAt.localeCompare(b.offeredAt) || a.caseId.localeCompare(b.caseId));
  }
  return byAgency;
}
