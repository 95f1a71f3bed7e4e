import { z } from 'zod';
import {
  chargeActSchema,
  chargeSectionSchema,
  prosecutionOutcomeSchema,
} from '../vocabulary/legal.ts';
import { personalNote } from './case-reported.ts';
import { defineEvent } from './define-event.ts';

/** Events of the legal dimension: charged, then concluded. */

export const courtReferenceSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('Court case number, e.g. WA-62R-123-10/2024');

export const personProsecuted = defineEvent({
  type: 'PersonProsecuted',
  schemaVersion: 1,
  description:
    'Charges were brought against the person. Only for reclassified persons; never for offences ATIPSOM s.25 makes a victim immune from.',
  schema: z.strictObject({
    act: chargeActSchema,
    sections: z.array(chargeSectionSchema).min(1).describe('Sections charged'),
    court: z.string().min(1).max(200).describe('Court, e.g. Sessions Court Kuala Lumpur'),
    courtReference: courtReferenceSchema,
  }),
});

export const prosecutionConcluded = defineEvent({
  type: 'ProsecutionConcluded',
  schemaVersion: 1,
  description: 'The open prosecution ended: convicted, acquitted, discharged or withdrawn.',
  schema: z.strictObject({
    outcome: prosecutionOutcomeSchema,
    courtReference: courtReferenceSchema.describe('Court case number of the prosecution concluded'),
    notes: personalNote('Notes on the outcome').optional(),
  }),
});
