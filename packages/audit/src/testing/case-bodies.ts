/**
 * Test support: command bodies with synthetic personal data. Every personal value carries the
 * marker `PIIMARK` (or is one of the fixed numbers below) so a test can search any output,
 * log or message for a leak. Never used by production code.
 */
export const PII_MARK = 'PIIMARK';
export const MYKAD = '900101-14-5678';
export const PASSPORT = 'A99887766';
export const PII_MARKERS: readonly string[] = [PII_MARK, MYKAD, PASSPORT, '+60 12-999 8877'];

export function reportBody(index = 0, country = 'KH', reportSource = 'family') {
  return {
    person: {
      fullName: `${PII_MARK} Person ${index}`,
      myKadNumber: MYKAD,
      passportNumber: PASSPORT,
      birthDate: '1990-01-01',
      sex: index % 2 === 0 ? 'male' : 'female',
    },
    reporter: { name: `${PII_MARK} Reporter ${index}`, contact: { phone: '+60 12-999 8877' } },
    reportSource,
    country,
    recruitmentChannel: 'social_media',
    narrative: `${PII_MARK} took a job offer seen online`,
  };
}

export const bodies = {
  tracking: (country = 'KH') => ({
    location: { country, locality: 'Sihanoukville' },
    contact: { phone: '+855 12 345 678' },
    tracedVia: 'family',
    notes: `${PII_MARK} called his sister`,
  }),
  rescue: (country = 'KH') => ({
    country,
    rescuedBy: 'foreign_authority',
    awaitingReturnAt: 'immigration_depot',
  }),
  repatriation: (fromCountry = 'KH') => ({ route: 'via_rescue', fromCountry }),
  selfReturn: (fromCountry = 'TH') => ({ route: 'self_return', fromCountry }),
  reclassify: {
    role: 'operator',
    basis: 'investigation',
    decidingAgency: 'pdrm',
    notes: `${PII_MARK} recruited others`,
  },
  confirmVictim: { basis: 'protection_order', decidingAgency: 'mapo' },
  prosecution: {
    act: 'atipsom_2007',
    sections: ['13'],
    court: 'Sessions Court Kuala Lumpur',
    courtReference: 'WA-62R-123-10/2024',
  },
  outcome: { outcome: 'convicted' },
  close: { reason: 'unfounded' },
  reopen: { reason: 'new_information' },
  correct: { changes: { fullName: `${PII_MARK} Corrected Name` }, reason: 'data_entry_error' },
} as const;
