import { z } from 'zod';

/** Who the person is in the scheme (IOM HTCDS); every case starts as `presumed_victim`. */
export const ClassificationStatus = {
  PRESUMED_VICTIM: 'presumed_victim',
  CONFIRMED_VICTIM: 'confirmed_victim',
  RECLASSIFIED: 'reclassified',
} as const;
export type ClassificationStatus = (typeof ClassificationStatus)[keyof typeof ClassificationStatus];
export const classificationStatusSchema = z.enum(ClassificationStatus);

export const ReclassificationRole = {
  OPERATOR: 'operator',
  SPONSOR: 'sponsor',
  INVOLVED: 'involved',
} as const;
export type ReclassificationRole = (typeof ReclassificationRole)[keyof typeof ReclassificationRole];
export const reclassificationRoleSchema = z
  .enum(ReclassificationRole)
  .describe('Role found: operator, sponsor or otherwise involved with the syndicate');

export const ReclassificationBasis = {
  INVESTIGATION: 'investigation',
  ADMISSION: 'admission',
  FOREIGN_AUTHORITY_INFORMATION: 'foreign_authority_information',
} as const;
export type ReclassificationBasis =
  (typeof ReclassificationBasis)[keyof typeof ReclassificationBasis];
export const reclassificationBasisSchema = z
  .enum(ReclassificationBasis)
  .describe('What the reclassification rests on');

/** ATIPSOM: interim protection order (s.44) or protection order (s.51) by a Magistrate. */
export const VictimConfirmationBasis = {
  INTERIM_PROTECTION_ORDER: 'interim_protection_order',
  PROTECTION_ORDER: 'protection_order',
  VICTIM_ASSESSMENT: 'victim_assessment',
} as const;
export type VictimConfirmationBasis =
  (typeof VictimConfirmationBasis)[keyof typeof VictimConfirmationBasis];
export const victimConfirmationBasisSchema = z
  .enum(VictimConfirmationBasis)
  .describe('What confirms victim status');

/** Why a reclassification was reversed; `forced_criminality`: an "operator" forced to scam. */
export const ReversalReason = {
  NEW_EVIDENCE: 'new_evidence',
  FORCED_CRIMINALITY: 'forced_criminality',
  PROCEDURAL_ERROR: 'procedural_error',
  COURT_DECISION: 'court_decision',
  OTHER: 'other',
} as const;
export type ReversalReason = (typeof ReversalReason)[keyof typeof ReversalReason];
export const reversalReasonSchema = z.enum(ReversalReason);
