import type { Agency } from '../vocabulary/agency.ts';
import type { CaseState } from './case-state.ts';

/**
 * Everything impure a decision needs, handed in by the caller: the clock, the actor, ids
 * generated outside, and the state of another case when a rule spans two cases.
 */
export type DecisionContext = {
  /** The time of the decision (ISO 8601): default business time, and the future bound. */
  readonly now: string;
  /** Who asks, from the verified token. `sub` never enters an event. */
  readonly actor: { readonly agency: Agency; readonly sub: string };
  /** Id of the case decided on (for ReportCase: the id the new case will have). */
  readonly caseId: string;
  /** For OfferHandover: the id the new offer gets (a ULID). */
  readonly handoverId?: string;
  /** For LinkDuplicate: the state of the case `duplicateOf` names (initialCaseState if none). */
  readonly duplicateTarget?: CaseState;
};

/** What each decision step gets: the context and the command's resolved business time. */
export type DecisionInput = { readonly context: DecisionContext; readonly occurredAt: string };
