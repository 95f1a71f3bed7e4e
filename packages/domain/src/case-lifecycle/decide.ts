import { match } from 'ts-pattern';
import type { CaseCommand } from '../commands/case-command-registry.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import { eventHoldsPersonalData } from '../events/event-personal-data.ts';
import type { CaseState } from './case-state.ts';
import {
  decideClosure,
  decideCorrection,
  decideDuplicateLink,
  decideErasure,
  decideReopening,
  decideReport,
} from './decide-administration.ts';
import {
  decideReclassification,
  decideReversal,
  decideVictimConfirmation,
} from './decide-classification.ts';
import { decideAnswer, decideOffer, decideRevocation } from './decide-handover.ts';
import { decideProsecution, decideProsecutionOutcome } from './decide-legal.ts';
import {
  decideReDeparture,
  decideRepatriation,
  decideRescue,
  decideTracking,
} from './decide-whereabouts.ts';
import type { DecisionContext, DecisionInput } from './decision-context.ts';
import { type DecisionError, type Outcome, refuse } from './decision-error.ts';

/**
 * decide(state, command, context) -> the events to record, or a refusal. Pure: time, actor
 * and generated ids come in through `context`. Who may send which command (policy) is
 * checked by the caller before; `decide` checks what the case's state allows.
 */
export type Decision =
  | {
      readonly ok: true;
      readonly events: readonly CaseEvent[];
      /** Business time for the events' metadata: the command's `occurredAt` (UTC) or `now`. */
      readonly occurredAt: string;
    }
  | { readonly ok: false; readonly error: DecisionError };

/** How far ahead of `now` a business time may be (agency clocks drift a little). */
export const OCCURRED_AT_TOLERANCE_MS = 5 * 60 * 1000;

/** Commands a closed case still accepts: reopening it, and erasing personal data. */
const ACCEPTED_WHEN_CLOSED: readonly CaseCommand['type'][] = ['ReopenCase', 'ErasePersonalData'];

export function decide(state: CaseState, command: CaseCommand, context: DecisionContext): Decision {
  if (command.type !== 'ReportCase') {
    if (state.status === 'unreported')
      return refuse('CaseNotFound', 'there is no case with this id');
    if (state.status === 'closed' && !ACCEPTED_WHEN_CLOSED.includes(command.type)) {
      return refuse(
        'CaseClosed',
        `the case is closed (${state.closure?.reason ?? 'closed'}); it accepts only reopening`,
      );
    }
  }
  const occurredAt = new Date(command.data.occurredAt ?? context.now).toISOString();
  if (Date.parse(occurredAt) > Date.parse(context.now) + OCCURRED_AT_TOLERANCE_MS) {
    return refuse('OccurredInFuture', 'occurredAt is in the future', 'occurredAt');
  }
  const input: DecisionInput = { context, occurredAt };
  const outcome = decideStep(state, command, input);
  if (!outcome.ok) return outcome;
  const events = outcome.events.map(withoutUndefined);
  const erased = state.status !== 'unreported' && state.personalData.status === 'erased';
  if (erased && events.some(eventHoldsPersonalData)) {
    return refuse(
      'PersonalDataErased',
      "the person's personal data was erased; this case accepts no new personal data",
    );
  }
  return { ok: true, events, occurredAt };
}

function decideStep(
  state: CaseState,
  command: CaseCommand,
  input: DecisionInput,
): Outcome<CaseEvent> {
  if (command.type === 'ReportCase') return decideReport(state, command, input);
  if (state.status === 'unreported') return refuse('CaseNotFound', 'there is no case with this id');
  return match(command)
    .with({ type: 'RecordTracking' }, (c) => decideTracking(state, c))
    .with({ type: 'RecordRescue' }, (c) => decideRescue(state, c))
    .with({ type: 'RecordRepatriation' }, (c) => decideRepatriation(state, c))
    .with({ type: 'RecordReDeparture' }, (c) => decideReDeparture(state, c))
    .with({ type: 'ReclassifyPerson' }, (c) => decideReclassification(state, c, input))
    .with({ type: 'ConfirmVictim' }, (c) => decideVictimConfirmation(state, c, input))
    .with({ type: 'ReverseReclassification' }, (c) => decideReversal(state, c, input))
    .with({ type: 'RecordProsecution' }, (c) => decideProsecution(state, c))
    .with({ type: 'RecordProsecutionOutcome' }, (c) => decideProsecutionOutcome(state, c))
    .with({ type: 'CloseCase' }, (c) => decideClosure(state, c))
    .with({ type: 'ReopenCase' }, (c) => decideReopening(state, c))
    .with({ type: 'LinkDuplicate' }, (c) => decideDuplicateLink(state, c, input))
    .with({ type: 'CorrectDetails' }, (c) => decideCorrection(state, c))
    .with({ type: 'ErasePersonalData' }, (c) => decideErasure(state, c))
    .with({ type: 'OfferHandover' }, (c) => decideOffer(state, c, input))
    .with({ type: 'AcceptHandover' }, { type: 'RejectHandover' }, (c) =>
      decideAnswer(state, c, input),
    )
    .with({ type: 'RevokeHandover' }, (c) => decideRevocation(state, c, input))
    .exhaustive();
}

/** Events are stored as JSON: an absent optional field is absent, never `undefined`. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutUndefined(v)])) as T;
}
