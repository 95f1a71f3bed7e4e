import type { CaseState } from './case-state.ts';

/**
 * The lifecycle rules a case state must satisfy whatever commands were accepted. Returns
 * the rules broken (empty when none). Property tests run it after every step; services may
 * run it as a defensive check after rebuilding a state.
 */
export function caseInvariantViolations(state: CaseState): string[] {
  if (state.status === 'unreported') return [];
  const broken: string[] = [];
  const rule = (holds: boolean, description: string) => {
    if (!holds) broken.push(description);
  };
  const { whereabouts: w, legal, classification } = state;
  rule(
    (state.status === 'closed') === (state.closure !== undefined),
    'closed exactly when a closure is recorded',
  );
  rule(
    (state.duplicateOf !== undefined) === (state.closure?.reason === 'duplicate'),
    'a duplicate link exactly when closed as a duplicate',
  );
  rule(
    legal.status !== 'prosecuted' || classification.status === 'reclassified',
    'an open prosecution only for a reclassified person',
  );
  rule(
    (legal.status === 'none') === (legal.prosecutions.length === 0),
    'legal none exactly when never prosecuted',
  );
  const pending = legal.prosecutions.filter((p) => p.outcome === undefined).length;
  rule(
    pending === (legal.status === 'prosecuted' ? 1 : 0),
    'only the open prosecution lacks an outcome',
  );
  rule(
    legal.status !== 'prosecuted' || legal.prosecutions.at(-1)?.outcome === undefined,
    'the open prosecution is the latest',
  );
  const offer = state.openHandover;
  rule(offer === undefined || offer.fromAgency !== offer.toAgency, 'no hand-over to oneself');
  rule(w.stage !== 'tracked' || w.trackingUpdates > 0, 'tracked after a tracking update');
  rule(w.stage !== 'rescued' || w.rescues > 0, 'rescued after a rescue');
  const home = w.stage === 'repatriated' ? 1 : 0;
  rule(
    w.stage === 're_departed' || w.stage === 'repatriated'
      ? w.repatriations === w.reDepartures + home
      : w.repatriations === w.reDepartures,
    'repatriations and re-departures alternate',
  );
  rule(
    new Set(state.agenciesInvolved).size === state.agenciesInvolved.length,
    'agencies listed once',
  );
  rule(state.agenciesInvolved.includes(state.reportedBy), 'the reporting agency is involved');
  rule(state.agenciesInvolved.includes(state.leadAgency), 'the lead agency is involved');
  return broken;
}
