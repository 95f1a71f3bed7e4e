/**
 * The publication package's unexpected failures: small classes with a literal `code`. Their
 * messages name fields and rules, never document values (those may be personal data).
 */

export class OutboxMessageInvalidError extends Error {
  readonly code = 'OutboxMessageInvalid' as const;
  override readonly name = 'OutboxMessageInvalidError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid outbox message: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

export class OutboxNotInTransactionError extends Error {
  readonly code = 'OutboxNotInTransaction' as const;
  override readonly name = 'OutboxNotInTransactionError';
  constructor() {
    super(
      'enqueue must run inside the caller’s transaction, with the read-model change it publishes',
    );
  }
}

export class OutboxUnavailableError extends Error {
  readonly code = 'OutboxUnavailable' as const;
  override readonly name = 'OutboxUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class PublisherOptionsInvalidError extends Error {
  readonly code = 'PublisherOptionsInvalid' as const;
  override readonly name = 'PublisherOptionsInvalidError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid publisher options: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

export class NatsResourceConflictError extends Error {
  readonly code = 'NatsResourceConflict' as const;
  override readonly name = 'NatsResourceConflictError';
  constructor(message: string) {
    super(message);
  }
}

export class PublicationFilterInvalidError extends Error {
  readonly code = 'PublicationFilterInvalid' as const;
  override readonly name = 'PublicationFilterInvalidError';
  constructor(message: string) {
    super(message);
  }
}
