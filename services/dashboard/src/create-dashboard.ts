/**
 * The dashboard as routes the engine mounts beside the case service: the page itself
 * (`/` and `/dashboard/*`, static files, no build step), its sign-in helpers, and the live
 * feed `/v1/live`. The page reads every figure from the HTTP API with the signed-in agency's
 * token; these routes serve no case data of their own, and never any personal data.
 */
import { Hono } from 'hono';
import { type MintDemoToken, registerSignIn } from './demo-sign-in.ts';
import type { LiveHub } from './live-hub.ts';
import { registerLiveRoute } from './live-route.ts';
import { problemJson } from './problem.ts';
import { loadAssets } from './static-assets.ts';
import type { VerifyToken } from './verify-token.ts';

export type DashboardOptions = {
  readonly hub: LiveHub;
  readonly verifyToken: VerifyToken;
  /** Embedded mode only: mints demo tokens per agency for the sign-in page. */
  readonly mintDemoToken?: MintDemoToken;
  readonly heartbeatMs?: number;
};

/** The page may load only its own files; data comes only from this origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export function createDashboard(options: DashboardOptions): Hono {
  const app = new Hono();
  const assets = loadAssets();
  app.get('/', (c) => c.redirect('/dashboard/', 302));
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 301));
  registerSignIn(app, options.mintDemoToken);
  registerLiveRoute(app, options);
  app.get('/dashboard/*', (c) => {
    const path = c.req.path.slice('/dashboard/'.length) || 'index.html';
    const asset = assets.get(path);
    if (asset === undefined) return problemJson(c, 'NotFound', 'no such dashboard file');
    const headers = {
      'Content-Type': asset.contentType,
      ETag: asset.etag,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, headers);
  });
  app.notFound((c) => problemJson(c, 'NotFound', `no route for ${c.req.method} ${c.req.path}`));
  return app;
}
