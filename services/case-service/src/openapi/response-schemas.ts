/**
 * Zod schemas of what the case service answers, for the OpenAPI document and for the tests
 * that hold real answers to them. The case summary schema is checked against the domain's
 * `CaseSummary` type at compile time, so it cannot drift from `summarizeCase`.
 */
import {
  AgeBand,
  Agency,
  type CaseSummary,
  ChargeAct,
  ClassificationStatus,
  ClosureReason,
  HoldingPlace,
  LegalStatus,
  ProsecutionOutcome,
  ReclassificationRole,
  RecruitmentChannel,
  RepatriationRoute,
  ReportSource,
  Sex,
  WhereaboutsStage,
} from '@casetrail/domain';
import { z } from 'zod';

const time = z.string().describe('ISO 8601 date-time (business time, UTC)');
const agency = z.enum(Agency);

export const writeResultSchema = z
  .strictObject({
    caseId: z.string().describe('The case (ULID)'),
    revision: z.int().min(0).describe("The case stream's revision after the write (also the ETag)"),
    position: z.int().min(0).describe('Global log position of the last event written'),
    handoverId: z.string().optional().describe('Only for a hand-over offer: the new offer (ULID)'),
  })
  .describe('The outcome of a write');

export const caseSummarySchema = z
  .strictObject({
    status: z.enum(['open', 'closed']),
    closure: z.strictObject({ reason: z.enum(ClosureReason), closedAt: time }).nullable(),
    duplicateOf: z.string().nullable(),
    stage: z.enum(WhereaboutsStage),
    stages: z.strictObject({
      reportedAt: time,
      firstTrackedAt: time.nullable(),
      lastTrackedAt: time.nullable(),
      rescuedAt: time.nullable(),
      repatriatedAt: time.nullable(),
      reDepartedAt: time.nullable(),
      closedAt: time.nullable(),
      reopenedAt: time.nullable(),
    }),
    lastKnownCountry: z.string(),
    awaitingReturnAt: z.enum(HoldingPlace).nullable(),
    repatriationRoute: z.enum(RepatriationRoute).nullable(),
    counts: z.strictObject({
      trackingUpdates: z.int(),
      rescues: z.int(),
      repatriations: z.int(),
      reDepartures: z.int(),
    }),
    classification: z.strictObject({
      status: z.enum(ClassificationStatus),
      role: z.enum(ReclassificationRole).nullable(),
      basis: z.string().nullable(),
      decidingAgency: agency.nullable(),
      since: time,
      reversals: z.int(),
    }),
    legal: z.strictObject({
      status: z.enum(LegalStatus),
      prosecutions: z.array(
        z.strictObject({
          act: z.enum(ChargeAct),
          sections: z.array(z.string()),
          court: z.string(),
          courtReference: z.string(),
          chargedAt: time,
          outcome: z.enum(ProsecutionOutcome).nullable(),
          concludedAt: time.nullable(),
        }),
      ),
    }),
    reportSource: z.enum(ReportSource),
    reportedCountry: z.string(),
    recruitmentChannel: z.enum(RecruitmentChannel).nullable(),
    sex: z.enum(Sex).nullable(),
    ageBand: z.enum(AgeBand).nullable(),
    reportedBy: agency,
    leadAgency: agency,
    agenciesInvolved: z.array(agency),
    openHandover: z
      .strictObject({
        handoverId: z.string(),
        fromAgency: agency,
        toAgency: agency,
        offeredAt: time,
      })
      .nullable(),
    personalData: z.enum(['held', 'erased']),
    lastEventAt: time,
  })
  .describe('The case summary: no personal data');

export const caseViewSchema = z
  .strictObject({
    caseId: z.string(),
    revision: z.int().min(0),
    position: z.int().min(0),
    summary: caseSummarySchema,
    personalData: z
      .strictObject({
        access: z
          .enum(['full', 'masked'])
          .describe('full: values opened (and the read logged); masked: { "$masked": true }'),
        records: z.array(
          z.strictObject({
            revision: z.int(),
            type: z.string().describe('Event type'),
            occurredAt: time,
            recordedBy: z.string(),
            fields: z.array(
              z.strictObject({
                field: z.string().describe('Path of the personal field in the event'),
                value: z
                  .unknown()
                  .describe(
                    'The value; { "$erased": true } after erasure; { "$masked": true } when masked',
                  ),
              }),
            ),
          }),
        ),
      })
      .optional()
      .describe('Only for agencies the policy lets read personal data'),
  })
  .describe('A case, read from its stream');

export const problemSchema = z
  .object({
    type: z.string().describe('urn:casetrail:problem:<kind>'),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().describe("Machine code: the problem kind or the domain's refusal code"),
    errors: z
      .array(z.strictObject({ field: z.string(), message: z.string() }))
      .optional()
      .describe('For 400: each bad field'),
  })
  .describe('RFC 9457 problem details');

// Compile-time check: every CaseSummary is a valid caseSummarySchema input.
type Assignable<T extends U, U> = T;
export type SummarySchemaCoversDomain = Assignable<CaseSummary, z.input<typeof caseSummarySchema>>;
