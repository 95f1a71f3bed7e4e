import { z } from 'zod';

/**
 * ISO 3166-1 alpha-2 country code, as the IOM HTCDS uses for locations. Only the format is
 * checked (two capital letters): the list of assigned codes changes and is not ours to keep.
 */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. KH')
  .describe('ISO 3166-1 alpha-2 country code');
export type CountryCode = z.infer<typeof countryCodeSchema>;

/** Malaysia: where a repatriated person is. */
export const HOME_COUNTRY = 'MY';
