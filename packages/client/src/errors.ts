/**
 * Typed errors of the case-service client. A refusal by the service (4xx) becomes one class
 * per kind, carrying the problem+json the service sent; network and server failures that
 * outlived the retries become NetworkError / ServerError. Match on `code` or `instanceof`.
 */

/** RFC 9457 problem details as the case service sends them. */
export type Problem = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
};

export abstract class CaseServiceError extends Error {
  abstract readonly code: string;
  /** HTTP status, when the service answered. */
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  constructor(message: string, status?: number, problem?: Problem, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.problem = problem;
  }
}

/** 400: the body or a parameter is invalid; `fieldErrors` names each bad field. */
export class InvalidInputError extends CaseServiceError {
  readonly code = 'InvalidInput' as const;
  override readonly name = 'InvalidInputError';
  get fieldErrors(): readonly { readonly field: string; readonly message: string }[] {
    return this.problem?.errors ?? [];
  }
}

/** 401: no token, or an expired, forged or malformed one. */
export class UnauthenticatedError extends CaseServiceError {
  readonly code = 'Unauthenticated' as const;
  override readonly name = 'UnauthenticatedError';
}

/** 403: the agency may not do this. */
export class ForbiddenError extends CaseServiceError {
  readonly code = 'Forbidden' as const;
  override readonly name = 'ForbiddenError';
}

/** 404: no such case (or route). */
export class NotFoundError extends CaseServiceError {
  readonly code = 'NotFound' as const;
  override readonly name = 'NotFoundError';
}

/** 409: the case's current state does not allow the command; `rule` is the domain's code. */
export class RuleViolationError extends CaseServiceError {
  readonly code = 'RuleViolation' as const;
  override readonly name = 'RuleViolationError';
  get rule(): string {
    return this.problem?.code ?? 'unknown';
  }
}

/** 412: the case moved past the revision given in `ifMatch`. */
export class StaleRevisionError extends CaseServiceError {
  readonly code = 'StaleRevision' as const;
  override readonly name = 'StaleRevisionError';
}

/** 422: the idempotency key was already used for a different request. */
export class IdempotencyKeyReusedError extends CaseServiceError {
  readonly code = 'IdempotencyKeyReused' as const;
  override readonly name = 'IdempotencyKeyReusedError';
}

/** Any other refusal (413, 415, ...): a bug in the caller or the client, not in the case. */
export class RequestRefusedError extends CaseServiceError {
  readonly code = 'RequestRefused' as const;
  override readonly name = 'RequestRefusedError';
}

/** 5xx (or a retryable 409) still failing after every retry. */
export class ServerError extends CaseServiceError {
  readonly code = 'ServerError' as const;
  override readonly name = 'ServerError';
}

/** The service could not be reached after every retry. */
export class NetworkError extends CaseServiceError {
  readonly code = 'NetworkError' as const;
  override readonly name = 'NetworkError';
}

/** The service answered something that is not what the contract promises. */
export class UnexpectedResponseError extends CaseServiceError {
  readonly code = 'UnexpectedResponse' as const;
  override readonly name = 'UnexpectedResponseError';
}

export function errorForStatus(status: number, problem: Problem | undefined): CaseServiceError {
  const message = problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`;
  if (status >= 500) return new ServerError(message, status, problem);
  switch (status) {
    case 400:
      return new InvalidInputError(message, status, problem);
    case 401:
      return new UnauthenticatedError(message, status, problem);
    case 403:
      return new ForbiddenError(message, status, problem);
    case 404:
      return new NotFoundError(message, status, problem);
    case 409:
      return problem?.code === 'ConcurrencyConflict' || problem?.code === 'IdempotencyInProgress'
        ? new ServerError(message, status, problem)
        : new RuleViolationError(message, status, problem);
    case 412:
      return new StaleRevisionError(message, status, problem);
    case 422:
      return new IdempotencyKeyReusedError(message, status, problem);
    default:
      return new RequestRefusedError(message, status, problem);
  }
}
