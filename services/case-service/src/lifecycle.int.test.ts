/**
 * The service's lifecycle for real: graceful shutdown (in-flight requests finish, new
 * connections are refused, the store is closed after), readiness, JWKS verification against
 * a real key-set server on a loopback port, and main.ts as its own process.
 */
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort, tempDir, waitFor } from '@casetrail/test-harness';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from './auth/token-verifier.ts';
import { startTestCaseService } from './testing/case-service-fixture.ts';
import { reportBody } from './testing/command-samples.ts';

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, then closes the store', async () => {
    const service = await startTestCaseService();
    const token = await service.token('pdrm');
    const body = JSON.stringify(reportBody);
    const { port } = new URL(service.url);
    // A request whose body is still arriving when the shutdown starts.
    let release: (rest: string) => void = () => {};
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/cases',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      release = (rest) => req.end(rest);
    });
    await waitFor(() => service.running.service.inFlight.count() === 1, {
      what: 'request in flight',
    });
    const closed = service.close();
    await waitFor(
      () =>
        fetch(`${service.url}/healthz`).then(
          () => false,
          () => true,
        ),
      { what: 'new connections refused' },
    );
    release(body.slice(10));
    const finished = await answer;
    expect(finished.status, finished.text).toBe(201);
    await closed;
    await expect(service.store.headPosition()).rejects.toThrow(/closed/);
  });
});

describe('JWKS verification (production mode)', () => {
  it('accepts tokens signed by a key of the set and refuses others', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const other = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_request, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      const sign = (key: CryptoKey, kid = 'k1') =>
        new SignJWT({ agency: 'pdrm' })
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject('officer-7')
          .setExpirationTime('5m')
          .sign(key);
      expect(await verify(`Bearer ${await sign(privateKey)}`)).toEqual({
        ok: true,
        actor: { agency: 'pdrm', sub: 'officer-7' },
      });
      expect(await verify(`Bearer ${await sign(other.privateKey)}`)).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    } finally {
      server.close();
    }
    const unreachable = createTokenVerifier({
      jwksUrl: `http://127.0.0.1:${await freePort()}/jwks.json`,
    });
    const token = await new SignJWT({ agency: 'pdrm' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await unreachable(`Bearer ${token}`)).toEqual({ ok: false, reason: 'unavailable' });
  });
});

describe('main.ts as its own process', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));

  it('prints the chosen port, serves, and exits 0 on SIGTERM', async () => {
    const dir = tempDir('casetrail-main-');
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        CASETRAIL_DATA_DIR: dir.path,
        CASETRAIL_HTTP_PORT: '0',
        CASETRAIL_STORE: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      const port = await waitFor(() => output.match(/"port":(\d+)/)?.[1], {
        timeoutMs: 30_000,
        what: 'listening line',
      });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      dir.remove();
    }
  });

  it('stops with exit code 2 and names the variable on a bad configuration', async () => {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, CASETRAIL_HTTP_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(errors).toMatch(/CASETRAIL_HTTP_PORT: must be a number/);
  });
});
