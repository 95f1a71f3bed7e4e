import type { ClosureReason } from '../vocabulary/administration.ts';
import type { AgeBand } from '../vocabulary/age-band.ts';
import type { Agency } from '../vocabulary/agency.ts';
import type {
  ReclassificationBasis,
  ReclassificationRole,
  VictimConfirmationBasis,
} from '../vocabulary/classification.ts';
import type { ChargeAct, LegalStatus, ProsecutionOutcome } from '../vocabulary/legal.ts';
import type { RecruitmentChannel, ReportSource, Sex } from '../vocabulary/person-profile.ts';
import type {
  HoldingPlace,
  RepatriationRoute,
  WhereaboutsStage,
} from '../vocabulary/whereabouts.ts';

/**
 * The decider's state of one case. It holds NO personal data (no name, id number, birth
 * date, contact or free text): it is rebuilt from events whose personal fields may be sealed
 * or erased, and it feeds the case summary read model. Times are business times (ISO 8601
 * UTC) taken from each event's `occurredAt`. JSON-safe: plain objects and arrays only.
 */
export type CaseState = UnreportedCase | ReportedCase;

/** No event yet: the stream does not exist. */
export type UnreportedCase = { readonly status: 'unreported' };

export type ReportedCase = {
  readonly status: 'open' | 'closed';
  readonly profile: CaseProfile;
  readonly whereabouts: Whereabouts;
  readonly classification: Classification;
  readonly legal: Legal;
  readonly closure?: { readonly reason: ClosureReason; readonly closedAt: string };
  /** Set while this case is closed as a duplicate of another case. */
  readonly duplicateOf?: string;
  readonly openHandover?: OpenHandover;
  /** Agency that holds the case: the reporter, then whoever accepted a hand-over. */
  readonly leadAgency: Agency;
  readonly reportedBy: Agency;
  /** Every agency that recorded an event, in order of first involvement. */
  readonly agenciesInvolved: readonly Agency[];
  readonly personalData:
    | { readonly status: 'held' }
    | { readonly status: 'erased'; readonly erasedAt: string };
  readonly timeline: Timeline;
};

/** The non-personal facts of the report, as corrected. */
export type CaseProfile = {
  readonly reportSource: ReportSource;
  /** Country where the person was believed to be when reported. */
  readonly reportedCountry: string;
  readonly recruitmentChannel?: RecruitmentChannel;
  readonly sex?: Sex;
  readonly ageBand?: AgeBand;
};

export type Whereabouts = {
  readonly stage: WhereaboutsStage;
  /** Last country abroad where the person was known to be (home is told by the stage). */
  readonly lastKnownCountry: string;
  /** True until a tracking, rescue or repatriation names a country of its own. */
  readonly countryFromReport: boolean;
  readonly awaitingReturnAt?: HoldingPlace;
  readonly lastRepatriationRoute?: RepatriationRoute;
  readonly trackingUpdates: number;
  readonly rescues: number;
  readonly repatriations: number;
  readonly reDepartures: number;
};

export type Classification =
  | { readonly status: 'presumed_victim'; readonly since: string; readonly reversals: number }
  | {
      readonly status: 'confirmed_victim';
      readonly basis: VictimConfirmationBasis;
      readonly decidingAgency: Agency;
      readonly since: string;
      readonly reversals: number;
    }
  | {
      readonly status: 'reclassified';
      readonly role: ReclassificationRole;
      readonly basis: ReclassificationBasis;
      readonly decidingAgency: Agency;
      readonly since: string;
      readonly reversals: number;
    };

export type Prosecution = {
  readonly act: ChargeAct;
  readonly sections: readonly string[];
  readonly court: string;
  readonly courtReference: string;
  readonly chargedAt: string;
  readonly outcome?: ProsecutionOutcome;
  readonly concludedAt?: string;
};

/** `prosecuted` means the last prosecution is open; earlier ones are all concluded. */
export type Legal = { readonly status: LegalStatus; readonly prosecutions: readonly Prosecution[] };

export type OpenHandover = {
  readonly handoverId: string;
  readonly fromAgency: Agency;
  readonly toAgency: Agency;
  readonly offeredAt: string;
};

export type Timeline = {
  readonly reportedAt: string;
  readonly firstTrackedAt?: string;
  readonly lastTrackedAt?: string;
  readonly rescuedAt?: string;
  readonly repatriatedAt?: string;
  readonly reDepartedAt?: string;
  readonly closedAt?: string;
  readonly reopenedAt?: string;
  /** Business time of the latest event (for "no update for N days"). */
  readonly lastEventAt: string;
};

/** The state before any event. */
export const initialCaseState: CaseState = { status: 'unreported' };

/** The victim statuses under which ATIPSOM s.25 immunity applies. */
export function isClassifiedAsVictim(classification: Classification): boolean {
  return classification.status !== 'reclassified';
}
