/**
 * The outermost middleware: correlation id, in-flight count (for graceful shutdown), one JSON
 * log line per request and the request metrics. Logs carry the route pattern, never the
 * concrete path's body or query, and never a header value other than the correlation id.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { errorFields, type Logger } from '../observability/logger.ts';
import type { CaseServiceMetrics } from '../observability/metrics.ts';
import { correlationId } from './correlation-id.ts';
import type { ServiceEnv } from './service-env.ts';

export type InFlight = {
  readonly count: () => number;
  /** Resolves once no request is in flight. */
  readonly drained: () => Promise<void>;
};

export function observeRequests(
  logger: Logger,
  metrics: CaseServiceMetrics,
): { middleware: MiddlewareHandler<ServiceEnv>; inFlight: InFlight } {
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    active -= 1;
    if (active === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };

  const middleware: MiddlewareHandler<ServiceEnv> = async (c, next) => {
    active += 1;
    const started = performance.now();
    const id = correlationId(c.req.header('traceparent'));
    c.set('correlationId', id);
    try {
      await next();
    } finally {
      const matched = routePath(c, -1);
      const route = matched === '*' || matched === '/*' ? 'unmatched' : matched;
      const status = c.res.status;
      const seconds = (performance.now() - started) / 1000;
      metrics.observeRequest(c.req.method, route, status, seconds);
      c.res.headers.set('X-Correlation-Id', id);
      logger.info('request', {
        method: c.req.method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
        correlationId: id,
        agency: c.get('actor')?.agency,
        ...(c.error ? errorFields(c.error, logger) : {}),
      });
      settle();
    }
  };

  return {
    middleware,
    inFlight: {
      count: () => active,
      drained: () =>
        active === 0 ? Promise.resolve() : new Promise<void>((wake) => waiters.push(wake)),
    },
  };
}
