/**
 * GET /v1/live: server-sent events for the dashboard. A `hello` event carries the recent case
 * updates, then every update follows as it happens (`case`, `stats`), with a comment line as
 * heartbeat. It needs a bearer token like every /v1 route: the page reads the stream with
 * fetch (EventSource cannot send headers), so the token never goes into a URL or a log.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveHub } from './live-hub.ts';
import type { LiveUpdate } from './live-update.ts';
import { unauthenticated } from './problem.ts';
import type { VerifyToken } from './verify-token.ts';

export type LiveRouteOptions = {
  readonly hub: LiveHub;
  readonly verifyToken: VerifyToken;
  readonly heartbeatMs?: number;
  /** A slow client that falls this far behind is told to resync instead of being buffered. */
  readonly maxQueued?: number;
};

export function registerLiveRoute(app: Hono, options: LiveRouteOptions): void {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxQueued = options.maxQueued ?? 5_000;
  app.get('/v1/live', async (c) => {
    const check = await options.verifyToken(c.req.header('authorization'));
    if (!check.ok) return unauthenticated(c);
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let queue: LiveUpdate[] = [];
      let overflowed = false;
      let closed = false;
      let wake: (() => void) | undefined;
      const unsubscribe = options.hub.subscribe((update) => {
        if (queue.length >= maxQueued) overflowed = true;
        else queue.push(update);
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({
        event: 'hello',
        data: JSON.stringify({ recent: options.hub.recent() }),
        retry: 2_000,
      });
      while (!closed) {
        if (queue.length === 0 && !overflowed) {
          const idle = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          if (idle && !closed) await stream.write(': heartbeat\n\n');
          continue;
        }
        const batch = queue;
        queue = [];
        if (overflowed) {
          overflowed = false;
          await stream.writeSSE({ event: 'resync', data: '{}' });
          continue;
        }
        for (const update of batch) {
          await stream.writeSSE({ event: update.kind, data: JSON.stringify(update) });
        }
      }
      unsubscribe();
    });
  });
}
