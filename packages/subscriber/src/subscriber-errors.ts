/** The subscriber's unexpected failures: small classes with a literal `code`. */

export class SubscriberOptionsInvalidError extends Error {
  readonly code = 'SubscriberOptionsInvalid' as const;
  override readonly name = 'SubscriberOptionsInvalidError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid subscriber options: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/** NATS unreachable at open, or the buckets and stream not created yet (no publisher ran). */
export class SubscriberUnavailableError extends Error {
  readonly code = 'SubscriberUnavailable' as const;
  override readonly name = 'SubscriberUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
