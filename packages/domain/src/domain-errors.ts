/**
 * Unexpected failures of the domain package, thrown as small classes with a literal `code`.
 * Business refusals are NOT here: `decide` returns them as values. Messages name fields and
 * types only, never a value, so personal data cannot leak through an error.
 */

/** A stored event names a type this code does not know. */
export class UnknownEventTypeError extends Error {
  readonly code = 'UnknownEventType' as const;
  override readonly name = 'UnknownEventTypeError' as const;
  readonly eventType: string;
  constructor(eventType: string, options?: ErrorOptions) {
    super(`unknown case event type "${eventType}"`, options);
    this.eventType = eventType;
  }
}

/** A stored event carries a schema version that has no upcaster path to the current one. */
export class UnsupportedSchemaVersionError extends Error {
  readonly code = 'UnsupportedSchemaVersion' as const;
  override readonly name = 'UnsupportedSchemaVersionError' as const;
  readonly eventType: string;
  readonly schemaVersion: number;
  constructor(eventType: string, schemaVersion: number, current: number, options?: ErrorOptions) {
    super(
      `${eventType} schema version ${schemaVersion} cannot be read (current version ${current})`,
      options,
    );
    this.eventType = eventType;
    this.schemaVersion = schemaVersion;
  }
}

/** A stored event does not match its schema. `issues` name fields, never values. */
export class StoredEventInvalidError extends Error {
  readonly code = 'StoredEventInvalid' as const;
  override readonly name = 'StoredEventInvalidError' as const;
  readonly eventType: string;
  readonly issues: readonly { readonly field: string; readonly message: string }[];
  constructor(
    eventType: string,
    schemaVersion: number,
    issues: readonly { readonly field: string; readonly message: string }[],
    options?: ErrorOptions,
  ) {
    const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    super(`stored ${eventType} v${schemaVersion} is invalid: ${list}`, options);
    this.eventType = eventType;
    this.issues = issues;
  }
}

/** A case stream's events do not make a case (e.g. an event before CaseReported). */
export class InvalidCaseStreamError extends Error {
  readonly code = 'InvalidCaseStream' as const;
  override readonly name = 'InvalidCaseStreamError' as const;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The caller of `decide` left out something the command needs (a programming error). */
export class MissingDecisionContextError extends Error {
  readonly code = 'MissingDecisionContext' as const;
  override readonly name = 'MissingDecisionContextError' as const;
  readonly missing: string;
  constructor(commandType: string, missing: string, options?: ErrorOptions) {
    super(`${commandType} needs context.${missing}`, options);
    this.missing = missing;
  }
}
