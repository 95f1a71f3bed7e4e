import { personProsecuted, prosecutionConcluded } from '../events/legal-events.ts';
import { commandBody } from './command-body.ts';

/** Bodies of the legal commands. The outcome applies to the open prosecution. */
export const recordProsecutionBody = commandBody(personProsecuted.schema.shape);

const { courtReference: _fromState, ...outcome } = prosecutionConcluded.schema.shape;
export const recordProsecutionOutcomeBody = commandBody(outcome);
