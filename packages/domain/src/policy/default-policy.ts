import { Agency } from '../vocabulary/agency.ts';
import type { Policy } from './policy.ts';
import { PolicyAction } from './policy-action.ts';

/**
 * DOMAIN.md's table "Who may record what" as data. Rows the table does not have are decided
 * here and documented in the README: corrections by the agencies that report or record
 * details, re-departure by those that trace people and Immigration (it sees the border),
 * hand-overs by every agency that records events on cases, summaries and statistics for all.
 */
const { WISMA_PUTRA, EMBASSY, PDRM, MAPO, IMMIGRATION, AG_CHAMBERS, MP_CENTRE, AUDITOR, DPO } =
  Agency;

/** Agencies that record at least one kind of case event in DOMAIN.md's table. */
const CASE_ACTORS = [WISMA_PUTRA, EMBASSY, PDRM, MAPO, IMMIGRATION, AG_CHAMBERS, MP_CENTRE];
const EVERYONE = [...CASE_ACTORS, AUDITOR, DPO];

const allow = (...agencies: Agency[]) => ({ allow: agencies, masked: [] });

export const defaultPolicy: Policy = {
  [PolicyAction.REPORT_CASE]: allow(WISMA_PUTRA, EMBASSY, PDRM, MAPO, MP_CENTRE),
  [PolicyAction.RECORD_TRACKING]: allow(WISMA_PUTRA, EMBASSY, PDRM),
  [PolicyAction.RECORD_RESCUE]: allow(WISMA_PUTRA, EMBASSY, PDRM),
  [PolicyAction.RECORD_REPATRIATION]: allow(WISMA_PUTRA, EMBASSY, IMMIGRATION),
  [PolicyAction.RECORD_RE_DEPARTURE]: allow(WISMA_PUTRA, EMBASSY, PDRM, IMMIGRATION),
  [PolicyAction.RECLASSIFY_PERSON]: allow(PDRM, MAPO),
  [PolicyAction.CONFIRM_VICTIM]: allow(PDRM, MAPO),
  [PolicyAction.REVERSE_RECLASSIFICATION]: allow(PDRM, MAPO),
  [PolicyAction.RECORD_PROSECUTION]: allow(PDRM, AG_CHAMBERS),
  [PolicyAction.RECORD_PROSECUTION_OUTCOME]: allow(PDRM, AG_CHAMBERS),
  [PolicyAction.CLOSE_CASE]: allow(WISMA_PUTRA, PDRM, MAPO),
  [PolicyAction.REOPEN_CASE]: allow(WISMA_PUTRA, PDRM, MAPO),
  [PolicyAction.LINK_DUPLICATE]: allow(WISMA_PUTRA, PDRM, MAPO),
  [PolicyAction.CORRECT_DETAILS]: allow(WISMA_PUTRA, EMBASSY, PDRM, MAPO, IMMIGRATION, MP_CENTRE),
  [PolicyAction.OFFER_HANDOVER]: allow(...CASE_ACTORS),
  [PolicyAction.RESPOND_TO_HANDOVER]: allow(...CASE_ACTORS),
  [PolicyAction.REVOKE_HANDOVER]: allow(...CASE_ACTORS),
  [PolicyAction.ERASE_PERSONAL_DATA]: allow(DPO),
  [PolicyAction.READ_PERSONAL_DATA]: {
    allow: [WISMA_PUTRA, EMBASSY, PDRM, MAPO, AG_CHAMBERS],
    masked: [AUDITOR],
  },
  [PolicyAction.READ_CASE_SUMMARY]: allow(...EVERYONE),
  [PolicyAction.READ_STATISTICS]: allow(...EVERYONE),
  [PolicyAction.REPLAY_HISTORY]: allow(AUDITOR),
  [PolicyAction.VERIFY_INTEGRITY]: allow(AUDITOR),
};
