/**
 * The package's unexpected failures: small classes with a literal `code`. Their messages name
 * the subject, event type or field path at most, never a personal value, and never carry a
 * cause that could quote one (e.g. a JSON parse error of decrypted text).
 */

/** A value at a personal path is already a vault envelope or marker: sealing twice is a bug. */
export class AlreadySealedError extends Error {
  readonly code = 'AlreadySealed' as const;
  override readonly name = 'AlreadySealedError';
  constructor(eventType: string, path: string) {
    super(`${eventType}: personal field ${path} is already sealed, erased or masked`);
  }
}

/** A sealed field could not be opened: malformed envelope, or authentication failed. */
export class TamperedEnvelopeError extends Error {
  readonly code = 'TamperedEnvelope' as const;
  override readonly name = 'TamperedEnvelopeError';
  readonly reason: 'malformed' | 'authentication-failed';
  constructor(eventType: string, path: string, reason: 'malformed' | 'authentication-failed') {
    super(
      reason === 'malformed'
        ? `${eventType}: personal field ${path} holds a malformed sealed envelope`
        : `${eventType}: personal field ${path} failed authentication (tampered, moved from another field or case, or sealed under another key)`,
    );
    this.reason = reason;
  }
}

/** A personal field holds a plain value where a sealed envelope was expected. */
export class UnsealedPersonalValueError extends Error {
  readonly code = 'UnsealedPersonalValue' as const;
  override readonly name = 'UnsealedPersonalValueError';
  constructor(eventType: string, path: string) {
    super(`${eventType}: personal field ${path} is stored unsealed; refusing to pass it through`);
  }
}

/** Sealed data exists for a subject the key store has never heard of (wrong or lost key store). */
export class DataKeyMissingError extends Error {
  readonly code = 'DataKeyMissing' as const;
  override readonly name = 'DataKeyMissingError';
  constructor(subjectId: string) {
    super(
      `no data key for subject ${subjectId} although sealed fields exist (is this the right key store?)`,
    );
  }
}

/** Personal data was offered for a subject whose key was destroyed (erased). */
export class SubjectErasedError extends Error {
  readonly code = 'SubjectErased' as const;
  override readonly name = 'SubjectErasedError';
  constructor(subjectId: string) {
    super(`personal data of subject ${subjectId} was erased; new personal data cannot be sealed`);
  }
}

/** The master key is missing, malformed or kept in a file that others can read. */
export class MasterKeyError extends Error {
  readonly code = 'MasterKeyInvalid' as const;
  override readonly name = 'MasterKeyError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The key store was created under a different master key. */
export class WrongMasterKeyError extends Error {
  readonly code = 'WrongMasterKey' as const;
  override readonly name = 'WrongMasterKeyError';
  constructor(location: string) {
    super(
      `the master key does not match the one the key store ${location} was created with; check CASETRAIL_MASTER_KEY or the master key file`,
    );
  }
}

/** A wrapped data key failed to unwrap although the master key check passed: the row was altered. */
export class KeyUnwrapError extends Error {
  readonly code = 'KeyUnwrapFailed' as const;
  override readonly name = 'KeyUnwrapError';
  constructor(subjectId: string) {
    super(`the wrapped data key of subject ${subjectId} failed authentication (altered row?)`);
  }
}

/** The key store's storage failed (file unreadable, locked too long, closed). */
export class KeyStoreError extends Error {
  readonly code = 'KeyStoreFailure' as const;
  override readonly name = 'KeyStoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input to the package failed validation; `problems` name each bad field, never its value. */
export class InvalidInputError extends Error {
  readonly code = 'InvalidInput' as const;
  override readonly name = 'InvalidInputError';
  readonly problems: readonly string[];
  constructor(what: string, problems: readonly string[]) {
    super(`invalid ${what}: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/** The access log's storage failed. */
export class AccessLogError extends Error {
  readonly code = 'AccessLogFailure' as const;
  override readonly name = 'AccessLogError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
