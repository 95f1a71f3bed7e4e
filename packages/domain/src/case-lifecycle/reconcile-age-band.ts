import { type AgeBand, ageBandOn } from '../vocabulary/age-band.ts';
import { refuse } from './decision-error.ts';

/**
 * Keeps the (non-personal) age band consistent with a (personal) birth date: derived from it
 * when absent, refused when it contradicts it. Age is taken on the day of the report, so a
 * case's band does not drift as time passes. Messages never repeat the date.
 */
export function reconcileAgeBand(
  birthDate: string | undefined,
  given: AgeBand | undefined,
  reportedAt: string,
  fieldPrefix: string,
) {
  if (birthDate === undefined) return { ok: true, ageBand: given } as const;
  const derived = ageBandOn(birthDate, reportedAt);
  if (derived === undefined) {
    return refuse(
      'BirthDateAfterReport',
      'the birth date is later than the date of the report',
      `${fieldPrefix}birthDate`,
    );
  }
  if (given !== undefined && given !== derived) {
    return refuse(
      'AgeBandMismatch',
      `the age band given does not match the birth date (which gives ${derived})`,
      `${fieldPrefix}ageBand`,
    );
  }
  return { ok: true, ageBand: derived } as const;
}
