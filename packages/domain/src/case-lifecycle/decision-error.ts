/**
 * Business refusals: expected outcomes, returned as values by `decide`. Every code has a
 * category so the HTTP layer maps it without a list of its own (not-found 404, conflict 409,
 * forbidden 403, invalid 400). Messages never contain personal data.
 */
export const decisionErrorCategories = {
  CaseNotFound: 'not-found',
  CaseAlreadyExists: 'conflict',
  CaseClosed: 'conflict',
  CaseNotClosed: 'conflict',
  OccurredInFuture: 'invalid',
  BirthDateAfterReport: 'invalid',
  AgeBandMismatch: 'invalid',
  AlreadyRescued: 'conflict',
  CaseAlreadyRepatriated: 'conflict',
  RescueNotRecorded: 'conflict',
  NotRepatriated: 'conflict',
  AlreadyReclassified: 'conflict',
  AlreadyConfirmedVictim: 'conflict',
  NotReclassified: 'conflict',
  OpenProsecution: 'conflict',
  ProsecutionRequiresReclassification: 'conflict',
  ImmunityUnderAtipsomS25: 'conflict',
  ProsecutionAlreadyOpen: 'conflict',
  NoOpenProsecution: 'conflict',
  CannotDuplicateItself: 'invalid',
  DuplicateTargetNotFound: 'invalid',
  DuplicateTargetIsDuplicate: 'conflict',
  HandoverPending: 'conflict',
  HandoverAlreadyOpen: 'conflict',
  HandoverToSelf: 'invalid',
  HandoverNotOpen: 'conflict',
  NotHandoverRecipient: 'forbidden',
  NotHandoverOfferer: 'forbidden',
  PersonalDataErased: 'conflict',
  PersonalDataAlreadyErased: 'conflict',
} as const;

export type DecisionErrorCode = keyof typeof decisionErrorCategories;
export type DecisionErrorCategory = (typeof decisionErrorCategories)[DecisionErrorCode];

/** Every refusal code, e.g. for an exhaustive mapping test. */
export const decisionErrorCodes = Object.keys(decisionErrorCategories) as DecisionErrorCode[];

export type DecisionError = {
  readonly code: DecisionErrorCode;
  /** For people: what is wrong and, where useful, what to do. No personal data. */
  readonly message: string;
  /** For `invalid` refusals: the body field at fault (`person.ageBand`), as in `errors`. */
  readonly field?: string;
};

/** What a decision step returns before `decide` adds the business time. */
export type Outcome<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly error: DecisionError };

export function accept<E>(...events: E[]): Outcome<E> {
  return { ok: true, events };
}

export function refuse(code: DecisionErrorCode, message: string, field?: string) {
  const error: DecisionError = field === undefined ? { code, message } : { code, message, field };
  return { ok: false, error } as const;
}
