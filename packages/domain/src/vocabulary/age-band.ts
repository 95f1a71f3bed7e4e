import { z } from 'zod';

/** Age bands for statistics (no birth date needed to count people). */
export const AgeBand = {
  MINOR: '0-17',
  AGE_18_24: '18-24',
  AGE_25_34: '25-34',
  AGE_35_44: '35-44',
  AGE_45_54: '45-54',
  AGE_55_PLUS: '55+',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];

export const ageBandSchema = z.enum(AgeBand).describe('Age band at the time of the report');

const LOWER_BOUNDS: readonly (readonly [number, AgeBand])[] = [
  [55, AgeBand.AGE_55_PLUS],
  [45, AgeBand.AGE_45_54],
  [35, AgeBand.AGE_35_44],
  [25, AgeBand.AGE_25_34],
  [18, AgeBand.AGE_18_24],
  [0, AgeBand.MINOR],
];

/**
 * The age band of someone born on `birthDate` (YYYY-MM-DD) on the day `on` (date or
 * date-time, its date part in UTC). Undefined when `on` precedes the birth date.
 */
export function ageBandOn(birthDate: string, on: string): AgeBand | undefined {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const [oy, om, od] = new Date(on).toISOString().slice(0, 10).split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined) return undefined;
  if (oy === undefined || om === undefined || od === undefined) return undefined;
  const hadBirthday = om > bm || (om === bm && od >= bd);
  const age = oy - by - (hadBirthday ? 0 : 1);
  if (age < 0) return undefined;
  return LOWER_BOUNDS.find(([lower]) => age >= lower)?.[1];
}
