/**
 * A step of a scenario while it is being planned: a command at an instant (epoch ms), not yet
 * numbered. Steps become numbered ScenarioActions once every story is written and sorted.
 */
import type { CaseCommandType } from '@casetrail/domain';
import type { Actor } from './agency-roster.ts';
import type { PlannedBody } from './scenario.ts';

type StepOf<K extends CaseCommandType> = {
  readonly at: number;
  readonly caseRef: string;
  readonly actor: Actor;
  readonly command: K;
  readonly body: Omit<PlannedBody<K>, 'occurredAt'>;
  /** LinkDuplicate: the caseRef of the case duplicated. */
  readonly duplicateOf?: string;
  /** Hand-over answers: the offer step they answer. */
  readonly answers?: PlannedStep;
};

export type PlannedStep = { [K in CaseCommandType]: StepOf<K> }[CaseCommandType];

/** Builds a step with its body checked against the command's input type. */
export function step<K extends CaseCommandType>(
  command: K,
  at: number,
  caseRef: string,
  actor: Actor,
  body: Omit<PlannedBody<K>, 'occurredAt'>,
  links: { duplicateOf?: string; answers?: PlannedStep } = {},
): PlannedStep {
  return { command, at, caseRef, actor, body, ...links } as StepOf<K> as PlannedStep;
}
