import { z } from 'zod';
import {
  handoverReasonSchema,
  handoverRejectionReasonSchema,
} from '../vocabulary/administration.ts';
import { agencySchema } from '../vocabulary/agency.ts';
import { handoverIdSchema } from '../vocabulary/identifiers.ts';
import { personalNote } from './case-reported.ts';
import { defineEvent } from './define-event.ts';

/** Hand-overs between agencies, as in humanitarian case systems (Primero). */

const parties = {
  handoverId: handoverIdSchema,
  fromAgency: agencySchema.describe('Agency offering the case'),
  toAgency: agencySchema.describe('Agency the case is offered to'),
};

export const handoverOffered = defineEvent({
  type: 'HandoverOffered',
  schemaVersion: 1,
  description: 'An agency offered the case to another. Only one offer is open at a time.',
  schema: z.strictObject({
    ...parties,
    reason: handoverReasonSchema.optional(),
    note: personalNote('Note to the receiving agency').optional(),
  }),
});

export const handoverAccepted = defineEvent({
  type: 'HandoverAccepted',
  schemaVersion: 1,
  description: 'The receiving agency accepted the offer and now leads the case.',
  schema: z.strictObject(parties),
});

export const handoverRejected = defineEvent({
  type: 'HandoverRejected',
  schemaVersion: 1,
  description: 'The receiving agency rejected the offer.',
  schema: z.strictObject({
    ...parties,
    reason: handoverRejectionReasonSchema.optional(),
    note: personalNote('Note to the offering agency').optional(),
  }),
});

export const handoverRevoked = defineEvent({
  type: 'HandoverRevoked',
  schemaVersion: 1,
  description: 'The offering agency withdrew its open offer.',
  schema: z.strictObject({
    ...parties,
    note: personalNote('Why the offer was withdrawn').optional(),
  }),
});
