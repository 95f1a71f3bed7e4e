import type { CaseCommandOf } from '../commands/case-command-registry.ts';
import { withoutOccurredAt } from '../commands/command-body.ts';
import { MissingDecisionContextError } from '../domain-errors.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import type { CaseState, ReportedCase } from './case-state.ts';
import type { DecisionInput } from './decision-context.ts';
import { accept, type Outcome, refuse } from './decision-error.ts';
import { reconcileAgeBand } from './reconcile-age-band.ts';

/** Rules of the case record: report, close, reopen, duplicates, corrections, erasure. */

export function decideReport(
  state: CaseState,
  command: CaseCommandOf<'ReportCase'>,
  { occurredAt }: DecisionInput,
): Outcome<CaseEvent> {
  if (state.status !== 'unreported') {
    return refuse('CaseAlreadyExists', 'a case with this id already exists');
  }
  const data = withoutOccurredAt(command.data);
  const { person } = data;
  const band = reconcileAgeBand(person.birthDate, person.ageBand, occurredAt, 'person.');
  if (!band.ok) return band;
  return accept({
    type: 'CaseReported',
    data: { ...data, person: { ...person, ageBand: band.ageBand } },
  });
}

const pendingHandover = () =>
  refuse('HandoverPending', 'a hand-over offer is open; it must be answered or revoked first');

export function decideClosure(
  s: ReportedCase,
  command: CaseCommandOf<'CloseCase'>,
): Outcome<CaseEvent> {
  if (s.openHandover !== undefined) return pendingHandover();
  return accept({ type: 'CaseClosed', data: withoutOccurredAt(command.data) });
}

export function decideReopening(
  s: ReportedCase,
  command: CaseCommandOf<'ReopenCase'>,
): Outcome<CaseEvent> {
  if (s.status !== 'closed') return refuse('CaseNotClosed', 'the case is not closed');
  return accept({ type: 'CaseReopened', data: withoutOccurredAt(command.data) });
}

export function decideDuplicateLink(
  s: ReportedCase,
  { data }: CaseCommandOf<'LinkDuplicate'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  const target = context.duplicateTarget;
  if (target === undefined)
    throw new MissingDecisionContextError('LinkDuplicate', 'duplicateTarget');
  if (data.duplicateOf === context.caseId) {
    return refuse('CannotDuplicateItself', 'a case cannot duplicate itself', 'duplicateOf');
  }
  if (target.status === 'unreported') {
    return refuse(
      'DuplicateTargetNotFound',
      'the case named in duplicateOf does not exist',
      'duplicateOf',
    );
  }
  if (target.duplicateOf !== undefined) {
    return refuse(
      'DuplicateTargetIsDuplicate',
      `the case named is itself a duplicate; link to ${target.duplicateOf} instead`,
    );
  }
  if (s.openHandover !== undefined) return pendingHandover();
  return accept(
    { type: 'DuplicateLinked', data: { duplicateOf: data.duplicateOf } },
    { type: 'CaseClosed', data: { reason: 'duplicate' } },
  );
}

export function decideCorrection(
  s: ReportedCase,
  command: CaseCommandOf<'CorrectDetails'>,
): Outcome<CaseEvent> {
  const data = withoutOccurredAt(command.data);
  const { changes } = data;
  const band = reconcileAgeBand(
    changes.birthDate,
    changes.ageBand,
    s.timeline.reportedAt,
    'changes.',
  );
  if (!band.ok) return band;
  return accept({
    type: 'DetailsCorrected',
    data: { ...data, changes: { ...changes, ageBand: band.ageBand } },
  });
}

export function decideErasure(
  s: ReportedCase,
  command: CaseCommandOf<'ErasePersonalData'>,
): Outcome<CaseEvent> {
  if (s.personalData.status === 'erased') {
    return refuse('PersonalDataAlreadyErased', 'the personal data of this case is already erased');
  }
  return accept({ type: 'PersonalDataErased', data: withoutOccurredAt(command.data) });
}
