/**
 * `pnpm casetrail start` as a real process on a free port: it prints where it listens,
 * accepts a command with a token from `casetrail token`, and stops cleanly on SIGINT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reportBody } from '@casetrail/case-service';
import { tempDir, waitFor } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));

describe('casetrail start', () => {
  it('serves the case service on the embedded store and shuts down on SIGINT', async () => {
    const dir = tempDir('casetrail-start-');
    const env = {
      ...process.env,
      CASETRAIL_DATA_DIR: dir.path,
      CASETRAIL_HTTP_PORT: '0',
      CASETRAIL_STORE: '',
      CASETRAIL_JWT_SECRET: '',
      CASETRAIL_JWKS_URL: '',
      CASETRAIL_LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [cli, 'start'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      const url = await waitFor(() => output.match(/listening on (http:\/\/\S+) /)?.[1], {
        timeoutMs: 30_000,
        what: 'the listening line',
      });
      const token = spawnSync(process.execPath, [cli, 'token', '--agency', 'embassy'], {
        env,
        encoding: 'utf8',
      }).stdout.trim();
      const response = await fetch(`${url}/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(reportBody),
      });
      expect(response.status).toBe(201);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGINT: finishing requests in flight/);
    } finally {
      child.kill('SIGKILL');
      dir.remove();
    }
  });
});
