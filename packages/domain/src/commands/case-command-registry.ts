import type { z } from 'zod';
import { PolicyAction } from '../policy/policy-action.ts';
import {
  closeCaseBody,
  correctDetailsBody,
  erasePersonalDataBody,
  linkDuplicateBody,
  reopenCaseBody,
  reportCaseBody,
} from './administration-commands.ts';
import {
  confirmVictimBody,
  reclassifyPersonBody,
  reverseReclassificationBody,
} from './classification-commands.ts';
import {
  acceptHandoverBody,
  handoverPathParams,
  offerHandoverBody,
  rejectHandoverBody,
  revokeHandoverBody,
} from './handover-commands.ts';
import { recordProsecutionBody, recordProsecutionOutcomeBody } from './legal-commands.ts';
import {
  recordReDepartureBody,
  recordRepatriationBody,
  recordRescueBody,
  recordTrackingBody,
} from './whereabouts-commands.ts';

/**
 * Every command: its body schema (exactly the HTTP JSON body), its route in CONTRACT.md,
 * the policy action that guards it, and the HTTP status of success. The HTTP service is
 * meant to be generated from this table, so a route cannot drift from its command.
 */
export type CommandRoute = {
  readonly method: 'POST';
  /** Full path template, e.g. `/v1/cases/{caseId}/rescue`. */
  readonly path: string;
  /** Path after `/v1/cases/{caseId}/`; null for ReportCase (`POST /v1/cases`). */
  readonly suffix: string | null;
};

function onCase(suffix: string): CommandRoute {
  return { method: 'POST', path: `/v1/cases/{caseId}/${suffix}`, suffix };
}

const entry = <B extends z.ZodObject>(
  body: B,
  suffix: string | null,
  action: PolicyAction,
  successStatus: 200 | 201 = 200,
) => ({
  body,
  route: suffix === null ? { method: 'POST' as const, path: '/v1/cases', suffix } : onCase(suffix),
  action,
  successStatus,
});

const answer = <B extends z.ZodObject>(body: B, suffix: string, action: PolicyAction) => ({
  ...entry(body, `handovers/{handoverId}/${suffix}`, action),
  params: handoverPathParams,
});

export const caseCommandRegistry = {
  ReportCase: entry(reportCaseBody, null, PolicyAction.REPORT_CASE, 201),
  RecordTracking: entry(recordTrackingBody, 'tracking', PolicyAction.RECORD_TRACKING),
  RecordRescue: entry(recordRescueBody, 'rescue', PolicyAction.RECORD_RESCUE),
  RecordRepatriation: entry(
    recordRepatriationBody,
    'repatriation',
    PolicyAction.RECORD_REPATRIATION,
  ),
  ReclassifyPerson: entry(reclassifyPersonBody, 'reclassification', PolicyAction.RECLASSIFY_PERSON),
  ConfirmVictim: entry(confirmVictimBody, 'victim-confirmation', PolicyAction.CONFIRM_VICTIM),
  ReverseReclassification: entry(
    reverseReclassificationBody,
    'reclassification-reversal',
    PolicyAction.REVERSE_RECLASSIFICATION,
  ),
  RecordProsecution: entry(recordProsecutionBody, 'prosecution', PolicyAction.RECORD_PROSECUTION),
  RecordProsecutionOutcome: entry(
    recordProsecutionOutcomeBody,
    'prosecution-outcome',
    PolicyAction.RECORD_PROSECUTION_OUTCOME,
  ),
  CloseCase: entry(closeCaseBody, 'closure', PolicyAction.CLOSE_CASE),
  ReopenCase: entry(reopenCaseBody, 'reopening', PolicyAction.REOPEN_CASE),
  LinkDuplicate: entry(linkDuplicateBody, 'duplicate-link', PolicyAction.LINK_DUPLICATE),
  CorrectDetails: entry(correctDetailsBody, 'correction', PolicyAction.CORRECT_DETAILS),
  RecordReDeparture: entry(recordReDepartureBody, 're-departure', PolicyAction.RECORD_RE_DEPARTURE),
  ErasePersonalData: entry(erasePersonalDataBody, 'erasure', PolicyAction.ERASE_PERSONAL_DATA),
  OfferHandover: entry(offerHandoverBody, 'handovers', PolicyAction.OFFER_HANDOVER, 201),
  AcceptHandover: answer(acceptHandoverBody, 'acceptance', PolicyAction.RESPOND_TO_HANDOVER),
  RejectHandover: answer(rejectHandoverBody, 'rejection', PolicyAction.RESPOND_TO_HANDOVER),
  RevokeHandover: answer(revokeHandoverBody, 'revocation', PolicyAction.REVOKE_HANDOVER),
} as const;

type Registry = typeof caseCommandRegistry;
export type CaseCommandType = keyof Registry;

/** Every command type name, in registry order. */
export const caseCommandTypes = Object.keys(caseCommandRegistry) as CaseCommandType[];

export function isCaseCommandType(type: string): type is CaseCommandType {
  return Object.hasOwn(caseCommandRegistry, type);
}

type ParamsOf<K extends CaseCommandType> = Registry[K] extends { params: infer P extends z.ZodType }
  ? z.output<P>
  : unknown;

/** The body of command `K` after parsing. */
export type CaseCommandBody<K extends CaseCommandType> = z.output<Registry[K]['body']>;

/** Command `K`: its parsed body as `data`, and its path parameters (`handoverId`) beside it. */
export type CaseCommandOf<K extends CaseCommandType> = {
  type: K;
  data: CaseCommandBody<K>;
} & ParamsOf<K>;

export type CaseCommand = { [K in CaseCommandType]: CaseCommandOf<K> }[CaseCommandType];
