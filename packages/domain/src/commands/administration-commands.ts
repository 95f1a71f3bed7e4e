import { z } from 'zod';
import {
  caseClosed,
  caseReopened,
  detailsCorrected,
  duplicateLinked,
  personalDataErased,
} from '../events/administration-events.ts';
import { caseReported } from '../events/case-reported.ts';
import { commandBody } from './command-body.ts';

/** Bodies of reporting, closing, reopening, linking, correcting and erasing. */
export const reportCaseBody = commandBody(caseReported.schema.shape);

export const closeCaseBody = commandBody({
  ...caseClosed.schema.shape,
  reason: z
    .enum(['unfounded', 'deceased', 'withdrawn'], {
      error:
        'reason must be unfounded, deceased or withdrawn (a duplicate is closed by POST /v1/cases/{caseId}/duplicate-link)',
    })
    .describe('Why the case is closed'),
});

export const reopenCaseBody = commandBody(caseReopened.schema.shape);
export const linkDuplicateBody = commandBody(duplicateLinked.schema.shape);
export const correctDetailsBody = commandBody(detailsCorrected.schema.shape);
export const erasePersonalDataBody = commandBody(personalDataErased.schema.shape);
