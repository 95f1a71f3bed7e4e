import {
  personReDeparted,
  personRepatriated,
  personRescued,
  personTracked,
} from '../events/whereabouts-events.ts';
import { commandBody } from './command-body.ts';

/** Bodies of the whereabouts commands: the event's data plus `occurredAt`. */
export const recordTrackingBody = commandBody(personTracked.schema.shape);
export const recordRescueBody = commandBody(personRescued.schema.shape);
export const recordRepatriationBody = commandBody(personRepatriated.schema.shape);
export const recordReDepartureBody = commandBody(personReDeparted.schema.shape);
