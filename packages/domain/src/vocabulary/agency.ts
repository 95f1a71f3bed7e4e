import { z } from 'zod';

/**
 * The agencies (roles) that act on cases, spelled as they appear in the `agency` claim of a
 * token. `embassy` stands for every Malaysian mission abroad; `dpo` is the data-protection
 * officer, the only role that may erase personal data.
 */
export const Agency = {
  WISMA_PUTRA: 'wisma-putra',
  EMBASSY: 'embassy',
  PDRM: 'pdrm',
  MAPO: 'mapo',
  IMMIGRATION: 'immigration',
  AG_CHAMBERS: 'ag-chambers',
  MP_CENTRE: 'mp-centre',
  AUDITOR: 'auditor',
  DPO: 'dpo',
} as const;
export type Agency = (typeof Agency)[keyof typeof Agency];

/** Every agency, in declaration order. */
export const agencies: readonly Agency[] = Object.values(Agency);

export const agencySchema = z.enum(Agency).describe('Agency (token spelling)');

/**
 * Agencies that record events about cases and so may send or receive a hand-over. Auditors
 * and the DPO oversee cases; they never hold one.
 */
export const OperationalAgency = {
  WISMA_PUTRA: Agency.WISMA_PUTRA,
  EMBASSY: Agency.EMBASSY,
  PDRM: Agency.PDRM,
  MAPO: Agency.MAPO,
  IMMIGRATION: Agency.IMMIGRATION,
  AG_CHAMBERS: Agency.AG_CHAMBERS,
  MP_CENTRE: Agency.MP_CENTRE,
} as const;
export type OperationalAgency = (typeof OperationalAgency)[keyof typeof OperationalAgency];

export const operationalAgencySchema = z
  .enum(OperationalAgency)
  .describe('Agency that may hold a case (not auditor, not dpo)');
