/**
 * The audit package's own error classes, for unexpected failures and refused input. Messages
 * name fields, case ids, revisions and positions only: never event data or query values,
 * which may carry personal data.
 */

/** No stream exists for the case id asked about. */
export class CaseNotFoundError extends Error {
  readonly code = 'CaseNotFound' as const;
  override readonly name = 'CaseNotFoundError';
  readonly caseId: string;

  constructor(caseId: string, options?: { cause?: unknown }) {
    super(`there is no case ${caseId}`, options);
    this.caseId = caseId;
  }
}

/** A query (case id, as-of time, time axis, access-log filter) is malformed. */
export class InvalidAuditQueryError extends Error {
  readonly code = 'InvalidAuditQuery' as const;
  override readonly name = 'InvalidAuditQueryError';
  /** One entry per bad field: the field's name and what is wrong (never its value). */
  readonly problems: readonly { readonly field: string; readonly message: string }[];

  constructor(
    problems: readonly { readonly field: string; readonly message: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      `invalid query: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      options,
    );
    this.problems = problems;
  }
}

/** A reader allowed to see personal data asked, but no vault was wired to open it. */
export class PersonalDataUnavailableError extends Error {
  readonly code = 'PersonalDataUnavailable' as const;
  override readonly name = 'PersonalDataUnavailableError';
}
