import type { CaseCommandOf } from '../commands/case-command-registry.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import type { ReportedCase } from './case-state.ts';
import type { DecisionInput } from './decision-context.ts';
import { accept, type Outcome, refuse } from './decision-error.ts';

/**
 * Classification rules: presumed victim -> confirmed victim, or reclassified (operator,
 * sponsor, involved); a reclassification can be reversed, with reasons, but not while a
 * prosecution built on it is open (conclude it first, e.g. withdrawn).
 */

export function decideReclassification(
  s: ReportedCase,
  { data }: CaseCommandOf<'ReclassifyPerson'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  if (s.classification.status === 'reclassified') {
    return refuse(
      'AlreadyReclassified',
      `the person is already reclassified (${s.classification.role}); reverse it first to change the role`,
    );
  }
  return accept({
    type: 'PersonReclassified',
    data: {
      role: data.role,
      basis: data.basis,
      decidingAgency: data.decidingAgency ?? context.actor.agency,
      notes: data.notes,
    },
  });
}

export function decideVictimConfirmation(
  s: ReportedCase,
  { data }: CaseCommandOf<'ConfirmVictim'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  if (s.classification.status === 'confirmed_victim') {
    return refuse('AlreadyConfirmedVictim', 'victim status is already confirmed');
  }
  if (s.classification.status === 'reclassified') {
    return refuse(
      'AlreadyReclassified',
      'the person is reclassified; reverse the reclassification first',
    );
  }
  return accept({
    type: 'VictimConfirmed',
    data: {
      basis: data.basis,
      decidingAgency: data.decidingAgency ?? context.actor.agency,
      notes: data.notes,
    },
  });
}

export function decideReversal(
  s: ReportedCase,
  { data }: CaseCommandOf<'ReverseReclassification'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  const c = s.classification;
  if (c.status !== 'reclassified') {
    return refuse(
      'NotReclassified',
      `there is no reclassification to reverse (status ${c.status})`,
    );
  }
  if (s.legal.status === 'prosecuted') {
    return refuse(
      'OpenProsecution',
      'a prosecution is open; record its outcome (e.g. withdrawn) before reversing the reclassification',
    );
  }
  return accept({
    type: 'ReclassificationReversed',
    data: {
      reasons: data.reasons,
      previousRole: c.role,
      decidingAgency: data.decidingAgency ?? context.actor.agency,
      explanation: data.explanation,
    },
  });
}
