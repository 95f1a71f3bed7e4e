import { describe, expect, it } from 'vitest';
import { createDashboard } from './create-dashboard.ts';
import { createLiveHub } from './live-hub.ts';
import type { VerifyToken } from './verify-token.ts';

/** Accepts one fixed bearer token: the engine passes the case service's real verifier. */
const verifyToken: VerifyToken = async (header) =>
  header === 'Bearer good.token.here'
    ? { ok: true, actor: { agency: 'mapo', sub: 'tester' } }
    : { ok: false, reason: header ? 'invalid' : 'missing' };

const caseUpdate = {
  kind: 'case',
  caseId: '01JABCDEFGHJKMNPQRSTVWXYZ0',
  revision: 3,
  position: 42,
  status: 'open',
  stage: 'rescued',
  classification: 'presumed_victim',
  legal: 'none',
  country: 'KH',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('dashboard routes', () => {
  const hub = createLiveHub();
  const app = createDashboard({ hub, verifyToken, heartbeatMs: 50 });

  it('sends / to the page and serves it with a strict content security policy', async () => {
    const root = await app.request('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    const page = await app.request('/dashboard/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<canvas id="chart-stages">');
  });

  it('serves Chart.js from node_modules and the page scripts, and nothing outside public/', async () => {
    const chart = await app.request('/dashboard/vendor/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain('Chart');
    expect((await app.request('/dashboard/js/app.js')).headers.get('content-type')).toContain(
      'javascript',
    );
    for (const path of [
      '/dashboard/../package.json',
      '/dashboard/%2e%2e/src/index.ts',
      '/dashboard/nope.js',
    ]) {
      const refused = await app.request(path);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('answers a conditional request for an unchanged file with 304', async () => {
    const first = await app.request('/dashboard/dashboard.css');
    const again = await app.request('/dashboard/dashboard.css', {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('offers no demo sign-in unless the engine gives it a way to mint tokens', async () => {
    expect(await (await app.request('/dashboard/config.json')).json()).toMatchObject({
      demoSignIn: false,
    });
    const refused = await app.request('/dashboard/demo-sign-in', {
      method: 'POST',
      body: '{"agency":"pdrm"}',
    });
    expect(refused.status).toBe(404);
  });

  it('refuses the live feed without a valid token', async () => {
    const missing = await app.request('/v1/live');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ status: 401, code: 'Unauthenticated' });
    expect(
      (await app.request('/v1/live', { headers: { authorization: 'Bearer forged.x.y' } })).status,
    ).toBe(401);
  });

  it('streams a hello, then each update, with only whitelisted fields', async () => {
    hub.publish(caseUpdate);
    const controller = new AbortController();
    const response = await app.request('/v1/live', {
      headers: { authorization: 'Bearer good.token.here' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += value;
      }
    };
    await readUntil('event: hello');
    await readUntil('\n\n');
    expect(text).toContain(caseUpdate.caseId);
    hub.publish({ ...caseUpdate, revision: 4, stage: 'repatriated', fullName: 'Someone Personal' });
    await readUntil('"revision":4');
    await readUntil('\n\n');
    expect(text).toContain('event: case');
    expect(text).not.toContain('Someone Personal');
    await readUntil(': heartbeat');
    controller.abort();
    await reader.cancel().catch(() => {});
  });
});

describe('demo sign-in', () => {
  const app = createDashboard({
    hub: createLiveHub(),
    verifyToken,
    mintDemoToken: async (agency) => ({
      token: `token-for-${agency}`,
      sub: `demo-${agency}`,
      expiresAt: 'soon',
    }),
  });

  it('mints a token for a known agency', async () => {
    const config = (await (await app.request('/dashboard/config.json')).json()) as {
      demoSignIn: boolean;
      agencies: string[];
    };
    expect(config.demoSignIn).toBe(true);
    expect(config.agencies).toContain('pdrm');
    const answer = await app.request('/dashboard/demo-sign-in', {
      method: 'POST',
      body: '{"agency":"pdrm"}',
    });
    expect(await answer.json()).toEqual({
      agency: 'pdrm',
      token: 'token-for-pdrm',
      sub: 'demo-pdrm',
      expiresAt: 'soon',
    });
  });

  it.each(['{"agency":"cia"}', '{}', 'not json', '{"agency":"pdrm","admin":true}'])(
    'refuses %s naming the agency field',
    async (body) => {
      const answer = await app.request('/dashboard/demo-sign-in', { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ errors: [{ field: 'agency' }] });
    },
  );
});
