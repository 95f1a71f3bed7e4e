/**
 * The prosecution register: one entry per prosecution (a case charged again after an earlier
 * prosecution ended has two), pending or concluded. Court references and sections are public
 * court records, not personal data; the person appears only by case id.
 */
import type { CaseSummaryDocument } from './case-summary.ts';

export type ProsecutionEntry = {
  readonly caseId: string;
  /** 1 for the case's first prosecution, 2 for the next... */
  readonly sequence: number;
  readonly status: 'pending' | 'concluded';
  readonly act: string;
  readonly sections: readonly string[];
  readonly court: string;
  readonly courtReference: string;
  readonly chargedAt: string;
  readonly outcome: string | null;
  readonly concludedAt: string | null;
  /** Classification of the person now (prosecution is for reclassified persons). */
  readonly classification: string;
  readonly role: string | null;
  /** Case revision and store position the entry reflects. */
  readonly revision: number;
  readonly position: number;
};

export function prosecutionEntriesOf(summary: CaseSummaryDocument | undefined): ProsecutionEntry[] {
  if (summary === undefined) return [];
  return summary.legal.prosecutions.map((prosecution, index) => ({
    caseId: summary.caseId,
    sequence: index + 1,
    status: prosecution.outcome === null ? 'pending' : 'concluded',
    act: prosecution.act,
    sections: prosecution.sections,
    court: prosecution.court,
    courtReference: prosecution.courtReference,
    chargedAt: prosecution.chargedAt,
    outcome: prosecution.outcome,
    concludedAt: prosecution.concludedAt,
    classification: summary.classification.status,
    role: summary.classification.role,
    revision: summary.revision,
    position: summary.position,
  }));
}

/** Oldest charge first; ties by case and sequence, so the order is stable. */
export function compareProsecutionEntries(a: ProsecutionEntry, b: ProsecutionEntry): number {
  return (
    a.chargedAt.localeCompare(b.chargedAt) ||
    a.caseId.localeCompare(b.caseId) ||
    a.sequence - b.sequence
  );
}
