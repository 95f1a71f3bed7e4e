import type { Agency } from '../vocabulary/agency.ts';
import type { ReportedCase } from './case-state.ts';

/**
 * The case summary document (DOMAIN.md "Case summary"), without personal data and without
 * the store's revision and position, which the projection adds. Absent values are `null`,
 * so every document has the same keys.
 */
export type CaseSummary = ReturnType<typeof summarizeCase>;

export function summarizeCase(state: ReportedCase) {
  const { whereabouts: w, classification: c, legal, timeline: t, profile: p } = state;
  return {
    status: state.status,
    closure: state.closure ?? null,
    duplicateOf: state.duplicateOf ?? null,
    stage: w.stage,
    stages: {
      reportedAt: t.reportedAt,
      firstTrackedAt: t.firstTrackedAt ?? null,
      lastTrackedAt: t.lastTrackedAt ?? null,
      rescuedAt: t.rescuedAt ?? null,
      repatriatedAt: t.repatriatedAt ?? null,
      reDepartedAt: t.reDepartedAt ?? null,
      closedAt: t.closedAt ?? null,
      reopenedAt: t.reopenedAt ?? null,
    },
    lastKnownCountry: w.lastKnownCountry,
    awaitingReturnAt: w.awaitingReturnAt ?? null,
    repatriationRoute: w.lastRepatriationRoute ?? null,
    counts: {
      trackingUpdates: w.trackingUpdates,
      rescues: w.rescues,
      repatriations: w.repatriations,
      reDepartures: w.reDepartures,
    },
    classification: {
      status: c.status,
      role: c.status === 'reclassified' ? c.role : null,
      basis: c.status === 'presumed_victim' ? null : c.basis,
      decidingAgency: c.status === 'presumed_victim' ? null : c.decidingAgency,
      since: c.since,
      reversals: c.reversals,
    },
    legal: {
      status: legal.status,
      prosecutions: legal.prosecutions.map((x) => ({
        act: x.act,
        sections: [...x.sections],
        court: x.court,
        courtReference: x.courtReference,
        chargedAt: x.chargedAt,
        outcome: x.outcome ?? null,
        concludedAt: x.concludedAt ?? null,
      })),
    },
    reportSource: p.reportSource,
    reportedCountry: p.reportedCountry,
    recruitmentChannel: p.recruitmentChannel ?? null,
    sex: p.sex ?? null,
    ageBand: p.ageBand ?? null,
    reportedBy: state.reportedBy,
    leadAgency: state.leadAgency,
    agenciesInvolved: [...state.agenciesInvolved] as Agency[],
    openHandover: state.openHandover ?? null,
    personalData: state.personalData.status,
    lastEventAt: t.lastEventAt,
  };
}
