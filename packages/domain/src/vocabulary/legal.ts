import { z } from 'zod';

export const LegalStatus = {
  NONE: 'none',
  PROSECUTED: 'prosecuted',
  CONCLUDED: 'concluded',
} as const;
export type LegalStatus = (typeof LegalStatus)[keyof typeof LegalStatus];
export const legalStatusSchema = z.enum(LegalStatus);

/** The Acts charges are brought under. `other`: any Act not listed (no s.25 check applies). */
export const ChargeAct = {
  ATIPSOM: 'atipsom_2007',
  PENAL_CODE: 'penal_code',
  IMMIGRATION_ACT: 'immigration_act_1959_63',
  PASSPORTS_ACT: 'passports_act_1966',
  AMLA: 'amla_2001',
  OTHER: 'other',
} as const;
export type ChargeAct = (typeof ChargeAct)[keyof typeof ChargeAct];
export const chargeActSchema = z
  .enum(ChargeAct)
  .describe(
    'Act charged under: ATIPSOM 2007 (Act 670), Penal Code (Act 574), Immigration Act 1959/63 (Act 155), Passports Act 1966 (Act 150), AMLATFPUAA 2001 (Act 613), other',
  );

/** A section as written on a charge sheet, without "s.": `6(1)(c)`, `12(1)(f)`, `420`. */
export const chargeSectionSchema = z
  .string()
  .regex(
    /^\d+[A-Z]?(\([0-9a-z]+\))*$/,
    'must be a section number like 6(1)(c) or 420 (digits, optional capital letter, bracketed sub-sections)',
  )
  .describe('Section charged, e.g. 6(1)(c)');

export const ProsecutionOutcome = {
  CONVICTED: 'convicted',
  ACQUITTED: 'acquitted',
  DISCHARGED: 'discharged',
  WITHDRAWN: 'withdrawn',
} as const;
export type ProsecutionOutcome = (typeof ProsecutionOutcome)[keyof typeof ProsecutionOutcome];
export const prosecutionOutcomeSchema = z.enum(ProsecutionOutcome).describe('How the case ended');
