import { z } from 'zod';
import { handoverOffered, handoverRejected, handoverRevoked } from '../events/handover-events.ts';
import { operationalAgencySchema } from '../vocabulary/agency.ts';
import { handoverIdSchema } from '../vocabulary/identifiers.ts';
import { commandBody } from './command-body.ts';

/** Hand-over bodies. The offering agency is the caller's; the id comes from the path. */
export const offerHandoverBody = commandBody({
  toAgency: operationalAgencySchema.describe('Agency the case is offered to'),
  reason: handoverOffered.schema.shape.reason,
  note: handoverOffered.schema.shape.note,
});

export const acceptHandoverBody = commandBody({});

export const rejectHandoverBody = commandBody({
  reason: handoverRejected.schema.shape.reason,
  note: handoverRejected.schema.shape.note,
});

export const revokeHandoverBody = commandBody({ note: handoverRevoked.schema.shape.note });

/** Path parameters of the answers to an offer: `/handovers/{handoverId}/...`. */
export const handoverPathParams = z.strictObject({ handoverId: handoverIdSchema });
