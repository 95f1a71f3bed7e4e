import { z } from 'zod';
import {
  closureReasonSchema,
  correctionReasonSchema,
  erasureBasisSchema,
  reopeningReasonSchema,
} from '../vocabulary/administration.ts';
import { ageBandSchema } from '../vocabulary/age-band.ts';
import { countryCodeSchema } from '../vocabulary/country-code.ts';
import { caseIdSchema } from '../vocabulary/identifiers.ts';
import {
  recruitmentChannelSchema,
  reportSourceSchema,
  sexSchema,
} from '../vocabulary/person-profile.ts';
import {
  birthDateSchema,
  fullNameSchema,
  myKadNumberSchema,
  passportNumberSchema,
  personalNote,
  reporterContactSchema,
  reporterNameSchema,
} from './case-reported.ts';
import { defineEvent } from './define-event.ts';

/** Events about the case record itself: closing, reopening, duplicates, corrections, erasure. */

export const caseClosed = defineEvent({
  type: 'CaseClosed',
  schemaVersion: 1,
  description:
    'The case was closed (duplicate, unfounded, deceased, withdrawn). A closed case accepts only reopening (and erasure).',
  schema: z.strictObject({
    reason: closureReasonSchema,
    notes: personalNote('Closure notes').optional(),
  }),
});

export const caseReopened = defineEvent({
  type: 'CaseReopened',
  schemaVersion: 1,
  description: 'A closed case was reopened; a duplicate link, if any, no longer holds.',
  schema: z.strictObject({
    reason: reopeningReasonSchema,
    notes: personalNote('Reopening notes').optional(),
  }),
});

export const duplicateLinked = defineEvent({
  type: 'DuplicateLinked',
  schemaVersion: 1,
  description:
    'This case reports a person another case already covers; statistics count people, not reports. Always followed by CaseClosed (reason duplicate).',
  schema: z.strictObject({
    duplicateOf: caseIdSchema.describe('The case this one duplicates (itself not a duplicate)'),
  }),
});

/** Fields a correction may change. Personal ones keep their mark: a correction is personal. */
export const detailChangesSchema = z
  .strictObject({
    fullName: fullNameSchema.optional(),
    myKadNumber: myKadNumberSchema.optional(),
    passportNumber: passportNumberSchema.optional(),
    birthDate: birthDateSchema.optional(),
    reporterName: reporterNameSchema.optional(),
    reporterContact: reporterContactSchema.optional(),
    narrative: personalNote('Corrected narrative').optional(),
    sex: sexSchema.optional(),
    ageBand: ageBandSchema.optional(),
    reportSource: reportSourceSchema.optional(),
    country: countryCodeSchema.describe('Corrected country of the report').optional(),
    recruitmentChannel: recruitmentChannelSchema.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'give at least one field to correct')
  .describe('New values of the corrected fields');

export const detailsCorrected = defineEvent({
  type: 'DetailsCorrected',
  schemaVersion: 1,
  description:
    'Recorded details were corrected, with a reason. The log keeps the original: corrections never rewrite history.',
  schema: z.strictObject({
    changes: detailChangesSchema,
    reason: correctionReasonSchema,
    explanation: personalNote('Explanation of the correction').optional(),
  }),
});

export const personalDataErased = defineEvent({
  type: 'PersonalDataErased',
  schemaVersion: 1,
  description:
    "The person's personal data was erased (their key destroyed). The log keeps its integrity; statistics are unaffected.",
  schema: z.strictObject({
    basis: erasureBasisSchema,
    requestReference: z
      .string()
      .min(1)
      .max(100)
      .describe('Reference of the erasure request (never a name or an id number)')
      .optional(),
  }),
});
