/** The alerting service's unexpected failures: small classes with a literal `code`. */

export class AlertingOptionsInvalidError extends Error {
  readonly code = 'AlertingOptionsInvalid' as const;
  override readonly name = 'AlertingOptionsInvalidError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid alerting options: ${problems.join('; ')}`, options);
    this.problems = problems;
  }
}
