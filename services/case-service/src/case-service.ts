/**
 * createCaseService(deps): the case service's HTTP application (Hono) over an event store,
 * the personal-data vault and access log, and the idempotency store. It binds no port (see
 * startCaseService) and owns what it is given: `close()` stops admitting requests, waits for
 * those in flight, then closes every dependency. It must never log a body or personal data.
 */
import { defaultPolicy, type Policy } from '@casetrail/domain';
import type { EventStore } from '@casetrail/event-store';
import type { AccessLog, PersonalDataVault } from '@casetrail/personal-data';
import { Hono } from 'hono';
import { authenticate } from './auth/authenticate.ts';
import type { TokenVerifier } from './auth/token-verifier.ts';
import { registerCaseRoutes } from './cases/case-routes.ts';
import { registerCommandRoutes } from './commands/command-routes.ts';
import { createKeyedMutex } from './commands/keyed-mutex.ts';
import { type InFlight, observeRequests } from './http/observe-requests.ts';
import { problem, problemResponse } from './http/problem.ts';
import type { RouteDeps } from './http/route-deps.ts';
import type { ServiceEnv } from './http/service-env.ts';
import { createIdempotencyGate } from './idempotency/idempotency-gate.ts';
import type { IdempotencyStore } from './idempotency/idempotency-store.ts';
import { createLogger, errorFields, type Logger } from './observability/logger.ts';
import { type CaseServiceMetrics, createMetrics } from './observability/metrics.ts';
import { registerOperationRoutes } from './operation-routes.ts';
import { type AuditRouteDeps, registerAuditRoutes } from './routes/audit-routes.ts';

export type CaseServiceDeps = {
  readonly store: EventStore;
  readonly personalData: {
    readonly vault: PersonalDataVault;
    readonly accessLog: AccessLog;
    close(): Promise<void>;
  };
  readonly idempotency: IdempotencyStore;
  readonly verifyToken: TokenVerifier;
  /** Default: the domain's default policy (DOMAIN.md's table). */
  readonly policy?: Policy;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Largest accepted request body (default 256 KiB). */
  readonly bodyLimitBytes?: number;
  /** Attempts on a concurrency conflict without If-Match (default 10). */
  readonly maxConflictAttempts?: number;
  /** The projector's national summary, for GET /v1/stats/* without asOf (else: the log). */
  readonly nationalReadModel?: AuditRouteDeps['nationalReadModel'];
};

export type CaseService = {
  readonly app: Hono<ServiceEnv>;
  readonly metrics: CaseServiceMetrics;
  readonly inFlight: InFlight;
  close(): Promise<void>;
};

export function createCaseService(deps: CaseServiceDeps): CaseService {
  const logger = deps.logger ?? createLogger();
  const metrics = createMetrics();
  const now = deps.now ?? (() => new Date());
  const observed = observeRequests(logger, metrics);
  let closing: Promise<void> | undefined;

  const routeDeps: RouteDeps = {
    store: deps.store,
    vault: deps.personalData.vault,
    accessLog: deps.personalData.accessLog,
    policy: deps.policy ?? defaultPolicy,
    commands: {
      store: deps.store,
      vault: deps.personalData.vault,
      metrics,
      now,
      lock: createKeyedMutex(),
      maxAttempts: deps.maxConflictAttempts ?? 10,
    },
    idempotency: createIdempotencyGate({ store: deps.idempotency, metrics }),
    bodyLimitBytes: deps.bodyLimitBytes ?? 256 * 1024,
    now,
  };

  const app = new Hono<ServiceEnv>();
  app.use('*', observed.middleware);
  app.use('*', async (c, next) => {
    if (!closing) return next();
    return problemResponse(c, problem('Unavailable', 'the service is shutting down; retry'), {
      Connection: 'close',
      'Retry-After': '1',
    });
  });
  registerOperationRoutes(app, {
    store: deps.store,
    metrics,
    isClosing: () => closing !== undefined,
  });
  app.use('/v1/*', authenticate(deps.verifyToken));
  registerCommandRoutes(app, routeDeps);
  registerCaseRoutes(app, routeDeps);
  registerAuditRoutes(app, { ...routeDeps, nationalReadModel: deps.nationalReadModel });
  app.notFound((c) =>
    problemResponse(c, problem('NotFound', `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    logger.error('unexpected error', { route: c.req.path, ...errorFields(error, logger) });
    return problemResponse(
      c,
      problem(
        'Internal',
        'an unexpected error occurred; retry with the same Idempotency-Key to learn the outcome',
      ),
    );
  });

  return {
    app,
    metrics,
    inFlight: observed.inFlight,
    close() {
      closing ??= (async () => {
        await observed.inFlight.drained();
        await Promise.allSettled([deps.store.close(), deps.personalData.close()]);
        deps.idempotency.close();
      })();
      return closing;
    },
  };
}
