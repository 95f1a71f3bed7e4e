/**
 * Operations endpoints, open without a token: liveness, readiness (the store answers),
 * Prometheus metrics and the OpenAPI document. None of them reveals case data.
 */
import type { EventStore } from '@casetrail/event-store';
import type { Hono } from 'hono';
import { problem, problemResponse } from './http/problem.ts';
import type { ServiceEnv } from './http/service-env.ts';
import type { CaseServiceMetrics } from './observability/metrics.ts';
import { buildOpenApiDocument } from './openapi/openapi-document.ts';

export type OperationDeps = {
  readonly store: EventStore;
  readonly metrics: CaseServiceMetrics;
  readonly isClosing: () => boolean;
};

const readinessTimeoutMs = 2_000;

export function registerOperationRoutes(app: Hono<ServiceEnv>, deps: OperationDeps): void {
  let openApi: string | undefined;
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (deps.isClosing()) return problemResponse(c, problem('Unavailable', 'shutting down'));
    try {
      await withTimeout(deps.store.headPosition(), readinessTimeoutMs);
      return c.json({ status: 'ready' });
    } catch {
      return problemResponse(c, problem('Unavailable', 'the event store does not answer'));
    }
  });
  app.get('/metrics', (c) =>
    c.body(deps.metrics.render(), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    }),
  );
  app.get('/openapi.json', (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument());
    return c.body(openApi, 200, { 'Content-Type': 'application/json' });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
