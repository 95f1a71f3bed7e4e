import { z } from 'zod';
import { personal } from '../personal-data/personal.ts';
import { countryCodeSchema } from '../vocabulary/country-code.ts';
import {
  holdingPlaceSchema,
  repatriationRouteSchema,
  rescuerSchema,
  tracingChannelSchema,
} from '../vocabulary/whereabouts.ts';
import { contactDetailsSchema, personalNote } from './case-reported.ts';
import { defineEvent } from './define-event.ts';

/** Events of the whereabouts dimension: traced, rescued, brought home, left again. */

export const locationSchema = z
  .strictObject({
    country: countryCodeSchema,
    locality: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Province, city or compound area (never a street address)'),
  })
  .describe('Where the person was traced');

export const personTracked = defineEvent({
  type: 'PersonTracked',
  schemaVersion: 1,
  description:
    'The person was traced: a location or a contact is known. Repeatable: each update is one event.',
  schema: z.strictObject({
    location: locationSchema,
    contact: personal(contactDetailsSchema, "The person's own contact details").optional(),
    tracedVia: tracingChannelSchema.optional(),
    notes: personalNote('Tracking notes').optional(),
  }),
});

export const personRescued = defineEvent({
  type: 'PersonRescued',
  schemaVersion: 1,
  description:
    'The person was removed from the compound. They may then wait abroad (e.g. in an immigration depot) until the return home.',
  schema: z.strictObject({
    country: countryCodeSchema.describe('Country where the rescue took place'),
    rescuedBy: rescuerSchema,
    awaitingReturnAt: holdingPlaceSchema.optional(),
    notes: personalNote('Rescue notes').optional(),
  }),
});

export const personRepatriated = defineEvent({
  type: 'PersonRepatriated',
  schemaVersion: 1,
  description:
    'The person is back in Malaysia. Needs no prior rescue (deportation, self-return) and never depends on victim status: citizens have a right of return.',
  schema: z.strictObject({
    route: repatriationRouteSchema,
    fromCountry: countryCodeSchema.describe('Country the person returned from'),
    notes: personalNote('Repatriation notes').optional(),
  }),
});

export const personReDeparted = defineEvent({
  type: 'PersonReDeparted',
  schemaVersion: 1,
  description: 'The person left Malaysia again after being brought home.',
  schema: z.strictObject({
    destinationCountry: countryCodeSchema
      .describe('Country the person left for, if known')
      .optional(),
    notes: personalNote('Re-departure notes').optional(),
  }),
});
