import {
  personReclassified,
  reclassificationReversed,
  victimConfirmed,
} from '../events/classification-events.ts';
import { agencySchema } from '../vocabulary/agency.ts';
import { commandBody } from './command-body.ts';

/** Bodies of the classification commands. The deciding agency defaults to the recorder. */
const decidingAgency = agencySchema
  .describe('Agency that took the decision; defaults to the recording agency')
  .optional();

export const reclassifyPersonBody = commandBody({
  ...personReclassified.schema.shape,
  decidingAgency,
});

export const confirmVictimBody = commandBody({ ...victimConfirmed.schema.shape, decidingAgency });

const { previousRole: _fromState, ...reversal } = reclassificationReversed.schema.shape;
export const reverseReclassificationBody = commandBody({ ...reversal, decidingAgency });
