/**
 * The audit verbs of the CLI end to end: a store written by the real case service over HTTP,
 * then `pnpm casetrail replay | verify | stats | export | access-log` run as child processes on
 * its files (no HTTP), checked for their output and exit codes; the export checked by the CLI
 * and by the standalone procedure of docs/audit.md (run with python3 when present); and the
 * store changed on disk, which `verify` must name.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { announceSkip, tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_MARKERS, reportBody, startAuditEngine } from './audit-fixture.ts';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..');
// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
type Json = any;

async function python3(): Promise<boolean> {
  try {
    await run('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}
const hasPython = await python3();
if (!hasPython) announceSkip('offline check with python3', 'no python3 on PATH');

describe('audit CLI verbs', () => {
  const work = tempDir('casetrail-audit-cli-');
  let dataDir: string;
  let caseId: string;
  let other: string;
  let apiNational: Json;
  let apiNationalAsOf: Json;
  let apiHead: Json;

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', ['services/cli/src/main.ts', ...args], {
        cwd: repo,
        env: { ...process.env, CASETRAIL_DATA_DIR: dataDir, CASETRAIL_STORE: '', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };

  beforeAll(async () => {
    const engine = await startAuditEngine();
    dataDir = engine.dataDir;
    engine.setStoreTime('2024-03-01T00:00:00.000Z');
    ({ caseId } = await engine.post(
      'pdrm',
      '/v1/cases',
      reportBody(1, 'KH', '2024-02-20T00:00:00Z'),
    ));
    ({ caseId: other } = await engine.post(
      'mp-centre',
      '/v1/cases',
      reportBody(2, 'MM', '2024-02-25T00:00:00Z'),
    ));
    engine.setStoreTime('2024-03-05T00:00:00.000Z');
    await engine.post('embassy', `/v1/cases/${caseId}/tracking`, {
      location: { country: 'KH' },
      occurredAt: '2024-03-04T00:00:00Z',
    });
    await engine.post('embassy', `/v1/cases/${other}/tracking`, { location: { country: 'MM' } });
    engine.setStoreTime('2024-04-10T00:00:00.000Z');
    await engine.post('pdrm', `/v1/cases/${caseId}/rescue`, {
      country: 'KH',
      rescuedBy: 'pdrm',
      occurredAt: '2024-03-20T00:00:00Z',
    });
    engine.setStoreTime('2024-05-01T00:00:00.000Z');
    await engine.post('immigration', `/v1/cases/${caseId}/repatriation`, {
      route: 'via_rescue',
      fromCountry: 'KH',
    });
    expect(
      (
        await engine.request('pdrm', 'GET', `/v1/cases/${caseId}`, {
          headers: { 'x-purpose': 'family enquiry' },
        })
      ).status,
    ).toBe(200);
    apiNational = (await engine.request('auditor', 'GET', '/v1/stats/national')).json;
    apiNationalAsOf = (
      await engine.request(
        'auditor',
        'GET',
        '/v1/stats/national?asOf=2024-03-10T00:00:00Z&time=occurred',
      )
    ).json;
    apiHead = (
      (await engine.request('auditor', 'GET', `/v1/cases/${caseId}/verification`)).json as Json
    ).head;
    await engine.close({ keepDir: true });
  });
  afterAll(() => {
    work.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays a case as a table with no personal data, and as JSON as of a business time', async () => {
    const table = await cli('replay', caseId);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /CaseReported[\s\S]*PersonTracked[\s\S]*PersonRescued[\s\S]*PersonRepatriated/,
    );
    expect(table.stdout).toContain('pdrm/pdrm-officer');
    for (const marker of PII_MARKERS) expect(table.stdout + table.stderr).not.toContain(marker);
    const json = await cli(
      'replay',
      caseId,
      '--json',
      '--as-of',
      '2024-04-01T08:00:00+08:00',
      '--time',
      'occurred',
    );
    expect(json.code).toBe(0);
    const history = JSON.parse(json.stdout);
    expect(history.entries.map((e: Json) => e.type)).toEqual([
      'CaseReported',
      'PersonTracked',
      'PersonRescued',
    ]);
    expect(history.personalData).toBe('masked');
    const known = JSON.parse(
      (await cli('replay', caseId, '--json', '--as-of', '2024-04-01T00:00:00Z')).stdout,
    );
    expect(known.entries.map((e: Json) => e.type)).toEqual(['CaseReported', 'PersonTracked']);
  });

  it('refuses bad input with exit 2 and an unknown case with exit 1', async () => {
    const bad = await cli('replay', 'not-a-case');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('caseId');
    expect((await cli('replay', '01JC0000000000000000000099')).code).toBe(1);
    const agency = await cli('replay', caseId, '--agency', 'pdrm');
    expect(agency.code).toBe(2);
    expect(agency.stderr).toContain('may not replay history');
  });

  it('gives the national figures the API gives, now and as of a business time', async () => {
    const now = await cli('stats', '--json');
    expect(now.code).toBe(0);
    expect(JSON.parse(now.stdout)).toEqual(apiNational);
    const asOf = await cli(
      'stats',
      '--json',
      '--as-of',
      '2024-03-10T00:00:00Z',
      '--time',
      'occurred',
    );
    expect(JSON.parse(asOf.stdout)).toEqual(apiNationalAsOf);
    const table = await cli('stats');
    expect(table.stdout).toMatch(/affected \(people\)\s+2/);
    expect(table.stdout).toContain('the parts add up');
  });

  it('exports a case that checks out offline, by the CLI and by the documented procedure', async () => {
    const file = join(work.path, 'export.json');
    const made = await cli('export', caseId, '--out', file);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(apiHead.hash);
    const text = readFileSync(file, 'utf8');
    for (const marker of PII_MARKERS) expect(text).not.toContain(marker);
    expect((await cli('verify', '--export', file, '--expect-head', apiHead.hash)).code).toBe(0);
    const cut = await cli('verify', '--export', file, '--expect-head', '0'.repeat(64));
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('manifest.head');
    const tampered = JSON.parse(text);
    tampered.events[1].data.location.country = 'TH';
    const forged = join(work.path, 'forged.json');
    writeFileSync(forged, JSON.stringify(tampered));
    const caught = await cli('export', '--check', forged);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain('BAD events[1]');
  });

  it.skipIf(!hasPython)(
    'the standalone procedure of docs/audit.md agrees with the CLI',
    async () => {
      const docs = readFileSync(join(repo, 'docs/audit.md'), 'utf8');
      const script =
        /<!-- offline-check:begin -->\s*```python\n([\s\S]*?)```\s*<!-- offline-check:end -->/.exec(
          docs,
        )?.[1];
      expect(script, 'the procedure in docs/audit.md').toBeDefined();
      const path = join(work.path, 'check_export.py');
      writeFileSync(path, script!);
      const file = join(work.path, 'export.json');
      const good = await run('python3', [path, file, apiHead.hash]);
      expect(good.stdout).toContain(`head ${apiHead.hash}`);
      const forged = join(work.path, 'forged.json');
      await expect(run('python3', [path, forged])).rejects.toMatchObject({
        code: 1,
        stdout: expect.stringContaining('events[1]: hash does not recompute'),
      });
    },
  );

  it('lists the access log per case and per user', async () => {
    const byCase = await cli('access-log', '--case', caseId);
    expect(byCase.code).toBe(0);
    expect(byCase.stdout).toMatch(/pdrm\s+pdrm-officer\s+\S+\s+api\s+family enquiry/);
    expect(byCase.stdout).toContain("the access log's chain holds");
    const json = JSON.parse((await cli('access-log', '--sub', 'pdrm-officer', '--json')).stdout);
    expect(json.entries).toHaveLength(1);
  });

  it('verifies the whole log with progress, then names what was changed on disk', async () => {
    const anchor = join(work.path, 'anchor.json');
    const clean = await cli('verify', '--write-anchor', anchor);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('OK: every chain holds');
    expect(clean.stderr).toContain('verifying the log');
    expect(JSON.parse(readFileSync(anchor, 'utf8'))).toMatchObject({ position: 6 });
    copyFileSync(join(dataDir, 'events.db'), join(work.path, 'pristine.db'));
    const db = new DatabaseSync(join(dataDir, 'events.db'));
    try {
      db.exec('DROP TRIGGER IF EXISTS events_append_only_update');
      db.exec('DROP TRIGGER IF EXISTS events_append_only_delete');
      db.prepare(
        "UPDATE events SET data = json_set(data, '$.location.country', 'TH') WHERE stream_id = ? AND revision = 1",
      ).run(`case-${other}`);
    } finally {
      db.close();
    }
    const found = await cli('verify');
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(
      new RegExp(`BAD case ${other} revision 1 \\(position \\d+\\) event \\S+: hash-mismatch`),
    );
    expect(found.stdout).not.toContain(`case ${caseId}`);
    const one = await cli('verify', '--case', other);
    expect(one.code).toBe(1);
    const json = JSON.parse((await cli('verify', '--json')).stdout);
    expect(json.badStreams).toEqual([
      expect.objectContaining({ caseId: other, revision: 1, failure: 'hash-mismatch' }),
    ]);
    // Cut the newest event off the end: the chains still hold, the anchor does not.
    copyFileSync(join(work.path, 'pristine.db'), join(dataDir, 'events.db'));
    const cut = new DatabaseSync(join(dataDir, 'events.db'));
    try {
      cut.exec('DROP TRIGGER IF EXISTS events_append_only_delete');
      cut.exec('DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)');
    } finally {
      cut.close();
    }
    const anchored = await cli('verify', '--anchor', anchor);
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('BAD anchor');
    expect(anchored.stdout).not.toContain('BAD case');
  });
});
