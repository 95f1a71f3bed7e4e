/**
 * What the live feed tells the dashboard: that a case or the national figures changed, with
 * the non-personal facts of the case summary read model. The schema is a whitelist: any
 * field not named here is stripped before an update leaves the engine, so a personal field
 * can never ride along by accident.
 */
import { z } from 'zod';

export const CaseUpdateSchema = z.object({
  kind: z.literal('case'),
  caseId: z.string().min(1).max(64),
  revision: z.number().int().min(0),
  position: z.number().int().min(0),
  status: z.string().max(32),
  stage: z.string().max(32),
  classification: z.string().max(32),
  legal: z.string().max(32),
  country: z.string().max(8).nullable(),
  /** Store time of the change. */
  updatedAt: z.string().max(40),
});

export const StatsUpdateSchema = z.object({
  kind: z.literal('stats'),
  position: z.number().int().min(0).nullable(),
});

export const LiveUpdateSchema = z.discriminatedUnion('kind', [CaseUpdateSchema, StatsUpdateSchema]);

export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;
export type StatsUpdate = z.infer<typeof StatsUpdateSchema>;
export type LiveUpdate = z.infer<typeof LiveUpdateSchema>;
