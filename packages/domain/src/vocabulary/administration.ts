import { z } from 'zod';

/** Why a case was closed. `duplicate` is only ever recorded by linking a duplicate. */
export const ClosureReason = {
  DUPLICATE: 'duplicate',
  UNFOUNDED: 'unfounded',
  DECEASED: 'deceased',
  WITHDRAWN: 'withdrawn',
} as const;
export type ClosureReason = (typeof ClosureReason)[keyof typeof ClosureReason];
export const closureReasonSchema = z.enum(ClosureReason).describe('Why the case was closed');

export const ReopeningReason = {
  NEW_INFORMATION: 'new_information',
  CLOSED_IN_ERROR: 'closed_in_error',
  NOT_A_DUPLICATE: 'not_a_duplicate',
  OTHER: 'other',
} as const;
export type ReopeningReason = (typeof ReopeningReason)[keyof typeof ReopeningReason];
export const reopeningReasonSchema = z.enum(ReopeningReason).describe('Why the case was reopened');

export const CorrectionReason = {
  DATA_ENTRY_ERROR: 'data_entry_error',
  NEW_INFORMATION: 'new_information',
  DATA_SUBJECT_REQUEST: 'data_subject_request',
  OTHER: 'other',
} as const;
export type CorrectionReason = (typeof CorrectionReason)[keyof typeof CorrectionReason];
export const correctionReasonSchema = z
  .enum(CorrectionReason)
  .describe('Why details were corrected');

export const ErasureBasis = {
  DATA_SUBJECT_REQUEST: 'data_subject_request',
  RETENTION_PERIOD_EXPIRED: 'retention_period_expired',
  COURT_ORDER: 'court_order',
  OTHER: 'other',
} as const;
export type ErasureBasis = (typeof ErasureBasis)[keyof typeof ErasureBasis];
export const erasureBasisSchema = z.enum(ErasureBasis).describe('Legal basis of the erasure');

export const HandoverReason = {
  JURISDICTION: 'jurisdiction',
  EXPERTISE: 'expertise',
  INVESTIGATION: 'investigation',
  REPATRIATION: 'repatriation',
  OTHER: 'other',
} as const;
export type HandoverReason = (typeof HandoverReason)[keyof typeof HandoverReason];
export const handoverReasonSchema = z.enum(HandoverReason).describe('Why the case is offered');

export const HandoverRejectionReason = {
  NOT_IN_MANDATE: 'not_in_mandate',
  INSUFFICIENT_INFORMATION: 'insufficient_information',
  NO_CAPACITY: 'no_capacity',
  OTHER: 'other',
} as const;
export type HandoverRejectionReason =
  (typeof HandoverRejectionReason)[keyof typeof HandoverRejectionReason];
export const handoverRejectionReasonSchema = z
  .enum(HandoverRejectionReason)
  .describe('Why the offer was rejected');
