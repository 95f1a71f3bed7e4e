/**
 * @casetrail/domain: the case lifecycle of people lured abroad by job-scam syndicates, as
 * events, commands, a decider and a policy. PURE: no I/O, no clock, no randomness, no NATS,
 * no store; time and ids come in through the decision context. It must never log, and its
 * errors and decider state must never carry personal data.
 */

export type { StoredEventRecord } from './case-lifecycle/case-history.ts';
// Case lifecycle: decide / evolve
export { caseStateFromHistory, eventMetaOf } from './case-lifecycle/case-history.ts';
export { caseInvariantViolations } from './case-lifecycle/case-invariants.ts';
export type {
  CaseProfile,
  CaseState,
  Classification,
  Legal,
  OpenHandover,
  Prosecution,
  ReportedCase,
  Timeline,
  UnreportedCase,
  Whereabouts,
} from './case-lifecycle/case-state.ts';
export { initialCaseState, isClassifiedAsVictim } from './case-lifecycle/case-state.ts';
export type { Decision } from './case-lifecycle/decide.ts';
export { decide, OCCURRED_AT_TOLERANCE_MS } from './case-lifecycle/decide.ts';
export type { DecisionContext } from './case-lifecycle/decision-context.ts';
export type {
  DecisionError,
  DecisionErrorCategory,
  DecisionErrorCode,
} from './case-lifecycle/decision-error.ts';
export { decisionErrorCategories, decisionErrorCodes } from './case-lifecycle/decision-error.ts';
export type { EventMeta } from './case-lifecycle/evolve.ts';
export { evolve } from './case-lifecycle/evolve.ts';
export type { S25ImmuneSection } from './case-lifecycle/s25-immunity.ts';
export { S25Category, s25ImmuneCharges, s25ImmuneSections } from './case-lifecycle/s25-immunity.ts';
export type { CaseSummary } from './case-lifecycle/summarize-case.ts';
export { summarizeCase } from './case-lifecycle/summarize-case.ts';
export type {
  CaseCommand,
  CaseCommandBody,
  CaseCommandOf,
  CaseCommandType,
  CommandRoute,
} from './commands/case-command-registry.ts';
// Commands
export {
  caseCommandRegistry,
  caseCommandTypes,
  isCaseCommandType,
} from './commands/case-command-registry.ts';
export { parseCommand } from './commands/parse-command.ts';
// Errors (unexpected failures; business refusals are values of `decide`)
export {
  InvalidCaseStreamError,
  MissingDecisionContextError,
  StoredEventInvalidError,
  UnknownEventTypeError,
  UnsupportedSchemaVersionError,
} from './domain-errors.ts';
export type {
  CaseEvent,
  CaseEventData,
  CaseEventType,
  EventOfType,
  RedactedCaseEvent,
  StoredCaseEvent,
} from './events/case-event-registry.ts';
// Events
export {
  caseEventRegistry,
  caseEventTypes,
  isCaseEventType,
} from './events/case-event-registry.ts';
export type { EventDefinition, Upcaster } from './events/define-event.ts';
export { renderEventCatalogue } from './events/event-catalogue.ts';
export {
  eventHoldsPersonalData,
  mapEventPersonalData,
  personalPaths,
  redactEvent,
} from './events/event-personal-data.ts';
export type { StoredEventInput } from './events/parse-case-event.ts';
export { parseCaseEvent, parseStoredEvent } from './events/parse-case-event.ts';
export type { InputIssue, ParseResult } from './input-issues.ts';
export type { PersonalValueReplacer } from './personal-data/map-personal-data.ts';
export type { Personal, Redacted, Sealed } from './personal-data/personal.ts';
// Personal data marks
export { personal } from './personal-data/personal.ts';
// Policy
export { defaultPolicy } from './policy/default-policy.ts';
export type { ActionRule, Policy, PolicyDocument } from './policy/policy.ts';
export {
  isAllowed,
  parsePolicyDocument,
  permission,
  policyDocumentSchema,
  resolvePolicy,
} from './policy/policy.ts';
export { Permission, PolicyAction, policyActions } from './policy/policy-action.ts';
// Vocabulary
export {
  ClosureReason,
  CorrectionReason,
  ErasureBasis,
  HandoverReason,
  HandoverRejectionReason,
  ReopeningReason,
} from './vocabulary/administration.ts';
export { AgeBand, ageBandOn, ageBandSchema } from './vocabulary/age-band.ts';
export {
  Agency,
  agencies,
  agencySchema,
  OperationalAgency,
  operationalAgencySchema,
} from './vocabulary/agency.ts';
export {
  ClassificationStatus,
  ReclassificationBasis,
  ReclassificationRole,
  ReversalReason,
  VictimConfirmationBasis,
} from './vocabulary/classification.ts';
export type { CountryCode } from './vocabulary/country-code.ts';
export { countryCodeSchema, HOME_COUNTRY } from './vocabulary/country-code.ts';
export type { CaseId } from './vocabulary/identifiers.ts';
export {
  caseIdFromStreamId,
  caseIdSchema,
  caseStreamId,
  handoverIdSchema,
  occurredAtSchema,
} from './vocabulary/identifiers.ts';
export { ChargeAct, LegalStatus, ProsecutionOutcome } from './vocabulary/legal.ts';
export {
  RecruitmentChannel,
  ReportSource,
  reportSourceSchema,
  Sex,
} from './vocabulary/person-profile.ts';
export {
  HoldingPlace,
  RepatriationRoute,
  Rescuer,
  TracingChannel,
  WhereaboutsStage,
} from './vocabulary/whereabouts.ts';
