/**
 * What one case contributes to the national summary: the counter keys it adds one person to.
 * Pure, and the single definition of how a case is counted (the live projector adds and
 * removes these keys as a case changes; the "as of" computation adds them once per case).
 *
 * Counting rules (docs/projections.md):
 * - People, not reports: a case linked as a duplicate (or closed as one) counts only in
 *   `duplicate:all`, never as a person.
 * - Whereabouts: closed cases count as `closed` whatever their stage; open ones by stage:
 *   reported or tracked -> beingTracked, rescued -> rescuedAwaitingReturn, repatriated ->
 *   returnedHome. A person who left again after return and has not been traced since
 *   (`re_departed`) still counts as returnedHome (the return happened; re-departure is the
 *   citizen's choice), split out as `returnedHome:reDeparted`. Traced, rescued or brought
 *   home again, they count by that new stage.
 * - Country: the country of the report (destination), so a case keeps its country when the
 *   person comes home. Year: the business-time year of the report.
 */
import type { CaseState, ReportedCase } from '@casetrail/domain';
import { counterKey } from './counts.ts';
import type { LegalStanding, Whereabouts } from './national-summary.ts';

export function isDuplicate(state: ReportedCase): boolean {
  return state.duplicateOf !== undefined || state.closure?.reason === 'duplicate';
}

export function whereaboutsOf(state: ReportedCase): Whereabouts {
  if (state.status === 'closed') return 'closed';
  switch (state.whereabouts.stage) {
    case 'reported':
    case 'tracked':
      return 'beingTracked';
    case 'rescued':
      return 'rescuedAwaitingReturn';
    case 'repatriated':
    case 're_departed':
      return 'returnedHome';
  }
}

/** By the latest prosecution: a person charged again after an acquittal is pending again. */
export function legalStandingOf(state: ReportedCase): LegalStanding {
  switch (state.legal.status) {
    case 'none':
      return 'notProsecuted';
    case 'prosecuted':
      return 'pending';
    case 'concluded':
      return state.legal.prosecutions.at(-1)?.outcome ?? 'pending';
  }
}

const classificationKey = {
  presumed_victim: 'presumedVictim',
  confirmed_victim: 'confirmedVictim',
  reclassified: 'reclassified',
} as const;

/** A key segment never contains ':' or '.', which paths and counter keys use as separators. */
function token(value: string): string {
  return value.replace(/[:.]/g, '_');
}

/**
 * Everything the keys depend on, as one string: the projector compares it before and after
 * each event and recomputes keys only when it changed (most events leave the figures alone).
 */
export function caseFigureSignature(state: CaseState): string {
  if (state.status === 'unreported') return '';
  if (isDuplicate(state)) return 'duplicate';
  const { classification: c, profile: p } = state;
  const whereabouts = whereaboutsOf(state);
  const split = whereabouts === 'returnedHome' && state.whereabouts.stage === 're_departed';
  // Concatenation, not an array join: this runs for every event of a rebuild. Only what the
  // keys depend on: a tracking update (reported -> tracked) leaves it unchanged.
  return `${whereabouts}|${split ? 'r' : ''}|${state.closure?.reason ?? ''}|${c.status}|${
    c.status === 'reclassified' ? c.role : ''
  }|${legalStandingOf(state)}|${p.reportSource}|${p.reportedCountry}|${state.timeline.reportedAt.slice(0, 4)}`;
}

export function caseFigureKeys(state: CaseState): string[] {
  if (state.status === 'unreported') return [];
  if (isDuplicate(state)) return [counterKey('duplicate', 'all')];
  const whereabouts = whereaboutsOf(state);
  const keys = [counterKey('affected', 'all'), counterKey('whereabouts', whereabouts)];
  if (whereabouts === 'returnedHome') {
    const split = state.whereabouts.stage === 're_departed' ? 'reDeparted' : 'atHome';
    keys.push(counterKey('returnedHome', split));
  }
  if (whereabouts === 'closed' && state.closure) {
    keys.push(counterKey('closedByReason', token(state.closure.reason)));
  }
  const c = state.classification;
  keys.push(counterKey('classification', classificationKey[c.status]));
  if (c.status === 'reclassified') keys.push(counterKey('reclassifiedByRole', token(c.role)));
  keys.push(counterKey('legal', legalStandingOf(state)));
  keys.push(counterKey('byReportSource', token(state.profile.reportSource)));
  keys.push(counterKey('byCountry', token(state.profile.reportedCountry)));
  keys.push(counterKey('byYearOfReport', state.timeline.reportedAt.slice(0, 4)));
  return keys;
}
