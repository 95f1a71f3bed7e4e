import { z } from 'zod';
import { agencySchema } from '../vocabulary/agency.ts';
import {
  reclassificationBasisSchema,
  reclassificationRoleSchema,
  reversalReasonSchema,
  victimConfirmationBasisSchema,
} from '../vocabulary/classification.ts';
import { personalNote } from './case-reported.ts';
import { defineEvent } from './define-event.ts';

/** Events of the classification dimension (IOM HTCDS): who the person is in the scheme. */

const decidingAgency = agencySchema.describe('Agency that took the decision');

export const personReclassified = defineEvent({
  type: 'PersonReclassified',
  schemaVersion: 1,
  description:
    'The person was found to be an operator, sponsor or otherwise involved with the syndicate, not a victim.',
  schema: z.strictObject({
    role: reclassificationRoleSchema,
    basis: reclassificationBasisSchema,
    decidingAgency,
    notes: personalNote('Grounds in free text').optional(),
  }),
});

export const victimConfirmed = defineEvent({
  type: 'VictimConfirmed',
  schemaVersion: 1,
  description: 'Victim status was confirmed, e.g. by a Magistrate’s protection order (ATIPSOM).',
  schema: z.strictObject({
    basis: victimConfirmationBasisSchema,
    decidingAgency,
    notes: personalNote('Grounds in free text').optional(),
  }),
});

export const reclassificationReversed = defineEvent({
  type: 'ReclassificationReversed',
  schemaVersion: 1,
  description:
    'A reclassification was reversed, with reasons (due process; some "operators" are victims of forced criminality). The person is a presumed victim again.',
  schema: z.strictObject({
    reasons: z.array(reversalReasonSchema).min(1).describe('Why it was reversed (one or more)'),
    previousRole: reclassificationRoleSchema.describe('The role that was reversed'),
    decidingAgency,
    explanation: personalNote('Explanation in free text').optional(),
  }),
});
