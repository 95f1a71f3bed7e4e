/**
 * `pnpm casetrail token` as a real process: the token it prints is accepted by the engine's
 * verifier (same data directory), carries the agency and sub, and bad usage exits 2.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, loadOrCreateJwtSecret } from '@casetrail/case-service';
import { tempDir } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));

function casetrail(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, CASETRAIL_JWT_SECRET: '', CASETRAIL_JWKS_URL: '', ...env },
    encoding: 'utf8',
  });
}

describe('casetrail token', () => {
  it('mints a token the embedded engine accepts', async () => {
    const dir = tempDir('casetrail-token-');
    try {
      const run = casetrail(['token', '--agency', 'pdrm', '--sub', 'officer-9', '--ttl', '15m'], {
        CASETRAIL_DATA_DIR: dir.path,
      });
      expect(run.status, run.stderr).toBe(0);
      const token = run.stdout.trim();
      const verify = createTokenVerifier({ secret: loadOrCreateJwtSecret(dir.path) });
      expect(await verify(`Bearer ${token}`)).toEqual({
        ok: true,
        actor: { agency: 'pdrm', sub: 'officer-9' },
      });
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(900);
    } finally {
      dir.remove();
    }
  });

  it('refuses an unknown agency, a bad ttl and a production configuration with exit code 2', () => {
    const dir = tempDir('casetrail-token-');
    try {
      const env = { CASETRAIL_DATA_DIR: dir.path };
      const unknown = casetrail(['token', '--agency', 'interpol'], env);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/--agency must be one of: wisma-putra/);
      expect(casetrail(['token', '--agency', 'pdrm', '--ttl', 'forever'], env).status).toBe(2);
      const production = casetrail(['token', '--agency', 'pdrm'], {
        ...env,
        CASETRAIL_JWKS_URL: 'https://idp.example/jwks.json',
      });
      expect(production.status).toBe(2);
      expect(production.stderr).toMatch(/identity provider/);
    } finally {
      dir.remove();
    }
  });
});
