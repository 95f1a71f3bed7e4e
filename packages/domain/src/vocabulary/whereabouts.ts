import { z } from 'zod';

/**
 * Where the person is, as far as the agencies know. `re_departed`: the person left again
 * after being brought home, and may be traced, rescued and repatriated again.
 */
export const WhereaboutsStage = {
  REPORTED: 'reported',
  TRACKED: 'tracked',
  RESCUED: 'rescued',
  REPATRIATED: 'repatriated',
  RE_DEPARTED: 're_departed',
} as const;
export type WhereaboutsStage = (typeof WhereaboutsStage)[keyof typeof WhereaboutsStage];
export const whereaboutsStageSchema = z.enum(WhereaboutsStage);

/** How the person came home. Only `via_rescue` presupposes a recorded rescue. */
export const RepatriationRoute = {
  VIA_RESCUE: 'via_rescue',
  DEPORTATION: 'deportation',
  SELF_RETURN: 'self_return',
} as const;
export type RepatriationRoute = (typeof RepatriationRoute)[keyof typeof RepatriationRoute];
export const repatriationRouteSchema = z
  .enum(RepatriationRoute)
  .describe('How the person came home');

/** Who removed the person from the compound. */
export const Rescuer = {
  PDRM: 'pdrm',
  FOREIGN_AUTHORITY: 'foreign_authority',
  EMBASSY: 'embassy',
  NGO: 'ngo',
  OTHER: 'other',
} as const;
export type Rescuer = (typeof Rescuer)[keyof typeof Rescuer];
export const rescuerSchema = z.enum(Rescuer).describe('Who removed the person from the compound');

/** Where a rescued person waits for the return home. */
export const HoldingPlace = {
  IMMIGRATION_DEPOT: 'immigration_depot',
  SHELTER: 'shelter',
  EMBASSY: 'embassy',
  POLICE_CUSTODY: 'police_custody',
  HOSPITAL: 'hospital',
  OTHER: 'other',
} as const;
export type HoldingPlace = (typeof HoldingPlace)[keyof typeof HoldingPlace];
export const holdingPlaceSchema = z
  .enum(HoldingPlace)
  .describe('Where the rescued person waits for the return home');

/** How the person was traced. */
export const TracingChannel = {
  FAMILY: 'family',
  EMBASSY: 'embassy',
  FOREIGN_AUTHORITY: 'foreign_authority',
  SOCIAL_MEDIA: 'social_media',
  SELF: 'self',
  OTHER: 'other',
} as const;
export type TracingChannel = (typeof TracingChannel)[keyof typeof TracingChannel];
export const tracingChannelSchema = z.enum(TracingChannel).describe('How the person was traced');
