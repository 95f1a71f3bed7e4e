import { z } from 'zod';

/**
 * What an agency may be allowed to do. Each command maps to one action (see the command
 * registry); reads and audits have their own.
 */
export const PolicyAction = {
  REPORT_CASE: 'report-case',
  RECORD_TRACKING: 'record-tracking',
  RECORD_RESCUE: 'record-rescue',
  RECORD_REPATRIATION: 'record-repatriation',
  RECORD_RE_DEPARTURE: 'record-re-departure',
  RECLASSIFY_PERSON: 'reclassify-person',
  CONFIRM_VICTIM: 'confirm-victim',
  REVERSE_RECLASSIFICATION: 'reverse-reclassification',
  RECORD_PROSECUTION: 'record-prosecution',
  RECORD_PROSECUTION_OUTCOME: 'record-prosecution-outcome',
  CLOSE_CASE: 'close-case',
  REOPEN_CASE: 'reopen-case',
  LINK_DUPLICATE: 'link-duplicate',
  CORRECT_DETAILS: 'correct-details',
  OFFER_HANDOVER: 'offer-handover',
  RESPOND_TO_HANDOVER: 'respond-to-handover',
  REVOKE_HANDOVER: 'revoke-handover',
  ERASE_PERSONAL_DATA: 'erase-personal-data',
  READ_PERSONAL_DATA: 'read-personal-data',
  READ_CASE_SUMMARY: 'read-case-summary',
  READ_STATISTICS: 'read-statistics',
  REPLAY_HISTORY: 'replay-history',
  VERIFY_INTEGRITY: 'verify-integrity',
} as const;
export type PolicyAction = (typeof PolicyAction)[keyof typeof PolicyAction];

export const policyActions: readonly PolicyAction[] = Object.values(PolicyAction);
export const policyActionSchema = z.enum(PolicyAction);

/**
 * What an agency gets for an action. `masked` exists only for reading personal data: the
 * agency sees that a field exists, never its value (auditors, by default).
 */
export const Permission = { ALLOWED: 'allowed', MASKED: 'masked', DENIED: 'denied' } as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
