/**
 * The engine's one HTTP port: the dashboard's routes (`/`, `/dashboard/*`, `/v1/live`) and
 * everything else to the case service. Demo sign-in answers only callers on this machine
 * (loopback), so a demo engine reachable from a network never hands out tokens to it.
 * Closing stops accepting, lets the case service finish requests in flight, then cuts the
 * long-lived live-feed connections.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

export type EngineHttp = {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections; `drained` runs before the remaining ones are cut. */
  close(drained: () => Promise<void>): Promise<void>;
};

export function isDashboardPath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/dashboard' ||
    pathname.startsWith('/dashboard/') ||
    pathname === '/v1/live'
  );
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export async function startEngineHttp(options: {
  readonly dashboard: { fetch: Fetch };
  readonly caseService: { fetch: Fetch };
  readonly port: number;
  readonly hostname: string;
}): Promise<EngineHttp> {
  const fetch: Fetch = (request, env) => {
    const { pathname } = new URL(request.url);
    if (!isDashboardPath(pathname)) return options.caseService.fetch(request, env);
    if (pathname === '/dashboard/demo-sign-in') {
      const remote = env.incoming.socket.remoteAddress ?? '';
      if (!LOOPBACK.test(remote)) return forbidden();
    }
    return options.dashboard.fetch(request, env);
  };
  let server: Server | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch, port: options.port, hostname: options.hostname }, resolve) as Server;
    server.once('error', reject);
  });
  const running = server as Server;
  const shown =
    options.hostname === '0.0.0.0' || options.hostname === '::' ? '127.0.0.1' : options.hostname;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close(drained) {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => running.close(() => resolve()));
        running.closeIdleConnections();
        try {
          await drained();
        } finally {
          running.closeAllConnections();
        }
        await stopped;
      })();
      return closing;
    },
  };
}

function forbidden(): Response {
  return new Response(
    JSON.stringify({
      type: 'urn:casetrail:problem:forbidden',
      title: 'Not allowed for this agency',
      status: 403,
      detail: 'demo sign-in answers only on this machine (loopback)',
      code: 'Forbidden',
    }),
    { status: 403, headers: { 'content-type': 'application/problem+json' } },
  );
}
