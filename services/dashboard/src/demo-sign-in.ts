/**
 * Sign-in for the dashboard. `GET /dashboard/config.json` tells the page whether the engine
 * offers demo sign-in; `POST /dashboard/demo-sign-in {"agency": "pdrm"}` mints a short-lived
 * token for a demo officer of that agency. The engine registers the minting function only in
 * embedded mode (its own key): production tokens come from the agencies' identity provider,
 * and then this route does not exist and the page asks for a token to be pasted.
 */
import { agencies, agencySchema } from '@casetrail/domain';
import type { Hono } from 'hono';
import { z } from 'zod';
import { problemJson } from './problem.ts';

export type DemoToken = {
  readonly token: string;
  readonly sub: string;
  readonly expiresAt: string;
};
export type MintDemoToken = (agency: string) => Promise<DemoToken>;

const SignInSchema = z.strictObject({ agency: agencySchema });

export function registerSignIn(app: Hono, mintDemoToken: MintDemoToken | undefined): void {
  app.get('/dashboard/config.json', (c) =>
    c.json({ demoSignIn: mintDemoToken !== undefined, agencies }, 200, {
      'Cache-Control': 'no-store',
    }),
  );
  if (mintDemoToken === undefined) return;
  app.post('/dashboard/demo-sign-in', async (c) => {
    const text = await c.req.text();
    const body = text.length > 1_024 ? undefined : parseJson(text);
    const parsed = SignInSchema.safeParse(body);
    if (!parsed.success) {
      return problemJson(c, 'InvalidInput', 'send {"agency": "<agency>"} with a known agency', {
        errors: [{ field: 'agency', message: `must be one of ${agencies.join(', ')}` }],
      });
    }
    const minted = await mintDemoToken(parsed.data.agency);
    return c.json({ agency: parsed.data.agency, ...minted }, 200, { 'Cache-Control': 'no-store' });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
