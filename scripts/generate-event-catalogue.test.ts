import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The CLI around renderEventCatalogue: writes; --check passes on the committed file and fails
 * on a missing or stale one. Each run is a Node process, hence the generous timeouts.
 * (The root has no workspace dependencies, so no test-harness here: node:fs does the temp dir.)
 */
const script = join(import.meta.dirname, 'generate-event-catalogue.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('generate-event-catalogue', () => {
  it('writes the catalogue, passes --check, then fails --check once the file is stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casetrail-catalogue-'));
    try {
      const out = join(dir, 'events.md');
      expect(run('--check', '--out', out).status).toBe(1);
      expect(run('--out', out).status).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('## CaseReported (v2)');
      appendFileSync(out, 'edited by hand\n');
      const check = run('--check', '--out', out);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('finds the committed docs/events.md current', () => {
    const check = run('--check');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 30_000);
});
