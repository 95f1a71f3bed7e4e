import type { CaseCommandOf } from '../commands/case-command-registry.ts';
import { withoutOccurredAt } from '../commands/command-body.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import type { ReportedCase } from './case-state.ts';
import { accept, type Outcome, refuse } from './decision-error.ts';

/**
 * Whereabouts rules: reported -> tracked -> rescued -> repatriated, then re-departure and
 * again. Classification is never consulted: citizens have a right of return, and a rescue
 * is not a precondition of coming home (deportation, self-return).
 */

const alreadyRepatriated = () =>
  refuse('CaseAlreadyRepatriated', 'the person has already been repatriated');

export function decideTracking(
  s: ReportedCase,
  command: CaseCommandOf<'RecordTracking'>,
): Outcome<CaseEvent> {
  const { stage } = s.whereabouts;
  if (stage === 'rescued') {
    return refuse('AlreadyRescued', 'the person has been rescued; record the repatriation next');
  }
  if (stage === 'repatriated') return alreadyRepatriated();
  return accept({ type: 'PersonTracked', data: withoutOccurredAt(command.data) });
}

export function decideRescue(
  s: ReportedCase,
  command: CaseCommandOf<'RecordRescue'>,
): Outcome<CaseEvent> {
  const { stage } = s.whereabouts;
  if (stage === 'rescued') return refuse('AlreadyRescued', 'the rescue is already recorded');
  if (stage === 'repatriated') return alreadyRepatriated();
  return accept({ type: 'PersonRescued', data: withoutOccurredAt(command.data) });
}

export function decideRepatriation(
  s: ReportedCase,
  command: CaseCommandOf<'RecordRepatriation'>,
): Outcome<CaseEvent> {
  const { stage } = s.whereabouts;
  if (stage === 'repatriated') return alreadyRepatriated();
  if (command.data.route === 'via_rescue' && stage !== 'rescued') {
    return refuse(
      'RescueNotRecorded',
      'route via_rescue needs a recorded rescue; record the rescue first or give route deportation or self_return',
    );
  }
  return accept({ type: 'PersonRepatriated', data: withoutOccurredAt(command.data) });
}

export function decideReDeparture(
  s: ReportedCase,
  command: CaseCommandOf<'RecordReDeparture'>,
): Outcome<CaseEvent> {
  if (s.whereabouts.stage !== 'repatriated') {
    return refuse('NotRepatriated', 'a re-departure can only follow a repatriation');
  }
  return accept({ type: 'PersonReDeparted', data: withoutOccurredAt(command.data) });
}
