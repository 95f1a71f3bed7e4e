import { match } from 'ts-pattern';
import { InvalidCaseStreamError } from '../domain-errors.ts';
import type { EventOfType, StoredCaseEvent } from '../events/case-event-registry.ts';
import type { Agency } from '../vocabulary/agency.ts';
import type { CaseState, ReportedCase } from './case-state.ts';

/**
 * evolve(state, event, meta) -> state: folds one recorded event into the case state. Pure
 * and total over valid streams; reads only non-personal fields, so it works the same on
 * fresh events, sealed ones and erased ones. It never re-checks business rules: what was
 * recorded happened (rules may have changed since), only a malformed stream throws.
 */

/** What evolve needs from the store's metadata of the event. */
export type EventMeta = {
  /** Business time of the event (metadata.occurredAt), ISO 8601. */
  readonly occurredAt: string;
  /** Agency that recorded it (metadata.actor.agency). */
  readonly agency: Agency;
};

export function evolve(state: CaseState, event: StoredCaseEvent, meta: EventMeta): CaseState {
  if (event.type === 'CaseReported') {
    if (state.status !== 'unreported') throw new InvalidCaseStreamError('CaseReported twice');
    return reported(event, meta);
  }
  if (state.status === 'unreported') {
    throw new InvalidCaseStreamError(`${event.type} before CaseReported`);
  }
  const s = touched(state, meta);
  const at = meta.occurredAt;
  const w = s.whereabouts;
  return match(event)
    .with({ type: 'PersonTracked' }, ({ data }) => ({
      ...s,
      whereabouts: {
        ...w,
        stage: 'tracked' as const,
        lastKnownCountry: data.location.country,
        countryFromReport: false,
        trackingUpdates: w.trackingUpdates + 1,
      },
      timeline: {
        ...s.timeline,
        firstTrackedAt: s.timeline.firstTrackedAt ?? at,
        lastTrackedAt: at,
      },
    }))
    .with({ type: 'PersonRescued' }, ({ data }) => ({
      ...s,
      whereabouts: {
        ...w,
        stage: 'rescued' as const,
        lastKnownCountry: data.country,
        countryFromReport: false,
        awaitingReturnAt: data.awaitingReturnAt,
        rescues: w.rescues + 1,
      },
      timeline: { ...s.timeline, rescuedAt: at },
    }))
    .with({ type: 'PersonRepatriated' }, ({ data }) => ({
      ...s,
      whereabouts: {
        ...w,
        stage: 'repatriated' as const,
        lastKnownCountry: data.fromCountry,
        countryFromReport: false,
        awaitingReturnAt: undefined,
        lastRepatriationRoute: data.route,
        repatriations: w.repatriations + 1,
      },
      timeline: { ...s.timeline, repatriatedAt: at },
    }))
    .with({ type: 'PersonReDeparted' }, ({ data }) => ({
      ...s,
      whereabouts: {
        ...w,
        stage: 're_departed' as const,
        lastKnownCountry: data.destinationCountry ?? w.lastKnownCountry,
        reDepartures: w.reDepartures + 1,
      },
      timeline: { ...s.timeline, reDepartedAt: at },
    }))
    .with({ type: 'PersonReclassified' }, ({ data }) => ({
      ...s,
      classification: {
        status: 'reclassified' as const,
        role: data.role,
        basis: data.basis,
        decidingAgency: data.decidingAgency,
        since: at,
        reversals: s.classification.reversals,
      },
    }))
    .with({ type: 'VictimConfirmed' }, ({ data }) => ({
      ...s,
      classification: {
        status: 'confirmed_victim' as const,
        basis: data.basis,
        decidingAgency: data.decidingAgency,
        since: at,
        reversals: s.classification.reversals,
      },
    }))
    .with({ type: 'ReclassificationReversed' }, () => ({
      ...s,
      classification: {
        status: 'presumed_victim' as const,
        since: at,
        reversals: s.classification.reversals + 1,
      },
    }))
    .with({ type: 'PersonProsecuted' }, ({ data }) => ({
      ...s,
      legal: {
        status: 'prosecuted' as const,
        prosecutions: [
          ...s.legal.prosecutions,
          {
            act: data.act,
            sections: data.sections,
            court: data.court,
            courtReference: data.courtReference,
            chargedAt: at,
          },
        ],
      },
    }))
    .with({ type: 'ProsecutionConcluded' }, ({ data }) => ({
      ...s,
      legal: {
        status: 'concluded' as const,
        prosecutions: s.legal.prosecutions.map((p, i, all) =>
          i === all.length - 1 ? { ...p, outcome: data.outcome, concludedAt: at } : p,
        ),
      },
    }))
    .with({ type: 'CaseClosed' }, ({ data }) => ({
      ...s,
      status: 'closed' as const,
      closure: { reason: data.reason, closedAt: at },
      timeline: { ...s.timeline, closedAt: at },
    }))
    .with({ type: 'CaseReopened' }, () => {
      const { closure: _closure, duplicateOf: _duplicateOf, ...rest } = s;
      return { ...rest, status: 'open' as const, timeline: { ...s.timeline, reopenedAt: at } };
    })
    .with({ type: 'DuplicateLinked' }, ({ data }) => ({ ...s, duplicateOf: data.duplicateOf }))
    .with({ type: 'DetailsCorrected' }, (e) => corrected(s, e))
    .with({ type: 'PersonalDataErased' }, () => ({
      ...s,
      personalData: { status: 'erased' as const, erasedAt: at },
    }))
    .with({ type: 'HandoverOffered' }, ({ data }) => ({
      ...s,
      openHandover: {
        handoverId: data.handoverId,
        fromAgency: data.fromAgency,
        toAgency: data.toAgency,
        offeredAt: at,
      },
    }))
    .with({ type: 'HandoverAccepted' }, ({ data }) => ({
      ...withoutOpenHandover(s),
      leadAgency: data.toAgency,
    }))
    .with({ type: 'HandoverRejected' }, { type: 'HandoverRevoked' }, () => withoutOpenHandover(s))
    .exhaustive();
}

function reported(
  event: EventOfType<StoredCaseEvent, 'CaseReported'>,
  meta: EventMeta,
): ReportedCase {
  const { data } = event;
  return {
    status: 'open',
    profile: {
      reportSource: data.reportSource,
      reportedCountry: data.country,
      recruitmentChannel: data.recruitmentChannel,
      sex: data.person.sex,
      ageBand: data.person.ageBand,
    },
    whereabouts: {
      stage: 'reported',
      lastKnownCountry: data.country,
      countryFromReport: true,
      trackingUpdates: 0,
      rescues: 0,
      repatriations: 0,
      reDepartures: 0,
    },
    classification: { status: 'presumed_victim', since: meta.occurredAt, reversals: 0 },
    legal: { status: 'none', prosecutions: [] },
    leadAgency: meta.agency,
    reportedBy: meta.agency,
    agenciesInvolved: [meta.agency],
    personalData: { status: 'held' },
    timeline: { reportedAt: meta.occurredAt, lastEventAt: meta.occurredAt },
  };
}

function touched(state: ReportedCase, meta: EventMeta): ReportedCase {
  const agencies = state.agenciesInvolved.includes(meta.agency)
    ? state.agenciesInvolved
    : [...state.agenciesInvolved, meta.agency];
  return {
    ...state,
    agenciesInvolved: agencies,
    timeline: { ...state.timeline, lastEventAt: meta.occurredAt },
  };
}

function corrected(
  s: ReportedCase,
  { data: { changes } }: EventOfType<StoredCaseEvent, 'DetailsCorrected'>,
): ReportedCase {
  const p = s.profile;
  const country = changes.country;
  return {
    ...s,
    profile: {
      reportSource: changes.reportSource ?? p.reportSource,
      reportedCountry: country ?? p.reportedCountry,
      recruitmentChannel: changes.recruitmentChannel ?? p.recruitmentChannel,
      sex: changes.sex ?? p.sex,
      ageBand: changes.ageBand ?? p.ageBand,
    },
    whereabouts:
      country !== undefined && s.whereabouts.countryFromReport
        ? { ...s.whereabouts, lastKnownCountry: country }
        : s.whereabouts,
  };
}

function withoutOpenHandover(s: ReportedCase): ReportedCase {
  const { openHandover: _settled, ...rest } = s;
  return rest;
}
