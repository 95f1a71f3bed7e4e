/**
 * startCaseService(options): the case service on a real port (0 = any free port). `close()`
 * is the graceful shutdown: stop accepting connections, let in-flight requests finish (up to
 * a grace period), then close the store and the other dependencies. Reused by main.ts, the
 * all-in-one engine (`pnpm casetrail start`) and the tests.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type CaseService, type CaseServiceDeps, createCaseService } from './case-service.ts';

export type StartCaseServiceOptions = CaseServiceDeps & {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1; `0.0.0.0` to serve other machines. */
  readonly hostname?: string;
  /** How long in-flight requests may take to finish on close (default 10 s). */
  readonly shutdownGraceMs?: number;
};

export type RunningCaseService = {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly service: CaseService;
  close(): Promise<void>;
};

export async function startCaseService(
  options: StartCaseServiceOptions,
): Promise<RunningCaseService> {
  const service = createCaseService(options);
  const hostname = options.hostname ?? '127.0.0.1';
  let server: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve(
      { fetch: service.app.fetch, port: options.port ?? 0, hostname },
      resolve,
    ) as Server;
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await service.close();
    throw error;
  });
  const running = server!;
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`,
    port: address.port,
    service,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => running.close(() => resolve()));
        running.closeIdleConnections();
        // Past the grace period, cut the stragglers: their requests fail and drain.
        const grace = setTimeout(
          () => running.closeAllConnections(),
          options.shutdownGraceMs ?? 10_000,
        );
        try {
          await service.close();
        } finally {
          clearTimeout(grace);
          running.closeAllConnections();
        }
        await stopped;
      })();
      return closing;
    },
  };
}
