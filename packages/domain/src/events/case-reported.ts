import { z } from 'zod';
import { personal } from '../personal-data/personal.ts';
import { ageBandSchema } from '../vocabulary/age-band.ts';
import { countryCodeSchema } from '../vocabulary/country-code.ts';
import {
  type ReportSource,
  recruitmentChannelSchema,
  reportSourceSchema,
  sexSchema,
} from '../vocabulary/person-profile.ts';
import { defineEvent, defineUpcaster } from './define-event.ts';

/** Free text: personal, as narratives and notes name people and places. */
export const personalNote = (description: string) =>
  personal(z.string().min(1).max(10_000), description);

export const fullNameSchema = personal(z.string().min(1).max(200), 'Full name of the person');
export const myKadNumberSchema = personal(
  z
    .string()
    .regex(
      /^\d{6}-?\d{2}-?\d{4}$/,
      'must be a MyKad number: 12 digits, dashes optional (YYMMDD-PB-###G)',
    ),
  'MyKad (national identity card) number',
);
export const passportNumberSchema = personal(
  z.string().regex(/^[A-Z0-9]{6,12}$/, 'must be 6 to 12 capital letters or digits'),
  'Passport number',
);
export const birthDateSchema = personal(z.iso.date(), 'Date of birth (YYYY-MM-DD)');
export const reporterNameSchema = personal(z.string().min(1).max(200), "Reporter's name");
export const contactDetailsSchema = z
  .strictObject({
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,24}$/, 'must be a phone number (digits, spaces, + ( ) -)')
      .describe('Phone number, international format preferred')
      .optional(),
    email: z.email().describe('Email address').optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, 'give a phone or an email');
export const reporterContactSchema = personal(contactDetailsSchema, "Reporter's contact details");

/** The person reported. Only sex and age band are not personal (statistics use them). */
export const reportedPersonSchema = z
  .strictObject({
    fullName: fullNameSchema,
    myKadNumber: myKadNumberSchema.optional(),
    passportNumber: passportNumberSchema.optional(),
    birthDate: birthDateSchema.optional(),
    sex: sexSchema.optional(),
    ageBand: ageBandSchema.optional(),
  })
  .describe('The person reported');

export const reporterSchema = z
  .strictObject({
    name: reporterNameSchema,
    contact: reporterContactSchema,
  })
  .describe('Who made the report');

const reportedFields = {
  person: reportedPersonSchema,
  reporter: reporterSchema,
  reportSource: reportSourceSchema,
  country: countryCodeSchema.describe('Country where the person is believed to be'),
  recruitmentChannel: recruitmentChannelSchema.optional(),
  narrative: personalNote('What the reporter told, in their words').optional(),
};

/** v1 spelled the source in legacy capitals and the country in lower case. */
const LEGACY_SOURCES: Readonly<Record<string, ReportSource>> = {
  FAMILY: 'family',
  FRIEND: 'friend',
  POLICE: 'police',
  SELF: 'self',
  MP_OFFICE: 'mp_service_centre',
  EMBASSY: 'embassy',
  NGO: 'ngo',
  OTHER: 'other',
};

export const caseReportedV1Schema = z.strictObject({
  person: reportedPersonSchema,
  reporter: reporterSchema,
  source: z.enum(Object.keys(LEGACY_SOURCES) as [string, ...string[]]),
  country: z.string().regex(/^[a-z]{2}$/),
  recruitmentChannel: recruitmentChannelSchema.optional(),
  narrative: personalNote('What the reporter told').optional(),
});

export const caseReported = defineEvent({
  type: 'CaseReported',
  schemaVersion: 2,
  description:
    'A person was reported missing or held abroad; opens the case (one case = one person). The person starts as a presumed victim.',
  schema: z.strictObject(reportedFields),
  upcasters: [
    defineUpcaster({
      fromVersion: 1,
      schema: caseReportedV1Schema,
      // Personal fields pass through untouched (sealed or not) and keep their JSON paths:
      // an upcaster must never need to read personal data.
      upcast: ({ source, country, ...rest }) => ({
        ...rest,
        reportSource: LEGACY_SOURCES[source],
        country: country.toUpperCase(),
      }),
    }),
  ],
});
