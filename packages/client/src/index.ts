/**
 * @casetrail/client: the typed HTTP client of the case service for agency systems. One
 * method per command, automatic idempotency keys (a retried write is recorded once),
 * retries with back-off on 5xx and network errors, typed errors. It never logs.
 */

export type {
  CaseClient,
  CaseClientOptions,
  CaseView,
  CommandBody,
  HandoverOffered,
  WriteResult,
} from './case-client.ts';
export { createCaseClient } from './case-client.ts';
export type { Problem } from './errors.ts';
export {
  CaseServiceError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  RequestRefusedError,
  RuleViolationError,
  ServerError,
  StaleRevisionError,
  UnauthenticatedError,
  UnexpectedResponseError,
} from './errors.ts';
export type { Answer, CallOptions, Transport, TransportOptions } from './transport.ts';
export { createTransport } from './transport.ts';
