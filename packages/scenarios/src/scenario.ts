/**
 * What a scenario is: the ordered list of actions agencies take through the HTTP API, and the
 * national figures it must produce at its checkpoints. A scenario is data; the driver
 * (drive-scenario.ts) is what sends it. Nothing here may hold real personal data: every name
 * and number is synthetic.
 */
import type { CaseCommandType, caseCommandRegistry, OperationalAgency } from '@casetrail/domain';
import type { z } from 'zod';

type Registry = typeof caseCommandRegistry;

/** The JSON body of command `K` as a caller writes it (before parsing). */
export type CommandInput<K extends CaseCommandType> = z.input<Registry[K]['body']>;

/**
 * The body the scenario plans. Ids the service chooses (case ids, hand-over ids) are not
 * known when the scenario is generated: a duplicate link names the case it duplicates by its
 * `caseRef` in `refs`, and the driver fills in the id.
 */
export type PlannedBody<K extends CaseCommandType> = K extends 'LinkDuplicate'
  ? Omit<CommandInput<K>, 'duplicateOf'>
  : CommandInput<K>;

export type ActionRefs = {
  /** LinkDuplicate: the caseRef of the case this one duplicates. */
  readonly duplicateOf?: string;
  /** Hand-over answers: the `seq` of the OfferHandover action whose id they answer. */
  readonly handoverOffer?: number;
};

type ActionOf<K extends CaseCommandType> = {
  /** Position in the scenario; also the stable part of the idempotency key. */
  readonly seq: number;
  /** The scenario's own name for the case (the service chooses the real id). */
  readonly caseRef: string;
  readonly agency: OperationalAgency;
  /** The officer (token subject) within the agency. */
  readonly sub: string;
  readonly command: K;
  readonly body: PlannedBody<K>;
  /** Business time, also in `body.occurredAt`; kept apart for ordering and progress. */
  readonly occurredAt: string;
  readonly refs?: ActionRefs;
};

export type ScenarioAction = { [K in CaseCommandType]: ActionOf<K> }[CaseCommandType];

/** Parliament-style figures the scenario must produce as of a business time. */
export type Checkpoint = {
  readonly label: string;
  /** ISO 8601 business time of the answer (the end of that day in Malaysia). */
  readonly asOf: string;
  readonly affected: number;
  readonly returnedHome: number;
  readonly rescuedAwaitingReturn: number;
  readonly beingTracked: number;
  /** People charged by then; only the last checkpoint of a scenario fixes it. */
  readonly prosecuted?: number;
};

export type Scenario = {
  readonly name: string;
  readonly seed: number;
  readonly description: string;
  readonly checkpoints: readonly Checkpoint[];
  readonly actions: readonly ScenarioAction[];
  /** Cases opened (people plus duplicate reports). */
  readonly cases: number;
};
