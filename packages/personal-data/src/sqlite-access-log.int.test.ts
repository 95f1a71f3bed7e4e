import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessEntryHash } from './access-chain.ts';
import type { AccessLog, AccessRecord } from './access-log.ts';
import { InvalidInputError } from './errors.ts';
import { openSqliteAccessLog } from './sqlite-access-log.ts';

const moduleUrl = new URL('./sqlite-access-log.ts', import.meta.url).href;
let dir: TempDir;
let path: string;
const logs: AccessLog[] = [];
const openLog = (): AccessLog => {
  const log = openSqliteAccessLog({ path });
  logs.push(log);
  return log;
};

beforeEach(() => {
  dir = tempDir('casetrail-access-');
  path = join(dir.path, 'access-log.db');
});
afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.close()));
  dir.remove();
});

const read = (overrides: Partial<AccessRecord> = {}): AccessRecord => ({
  actor: { agency: 'pdrm', sub: 'officer-7' },
  caseId: 'case-1',
  channel: 'api',
  at: '2025-10-29T08:00:00+08:00',
  ...overrides,
});

/** Tampering as someone with write access to the file would: the guard triggers go first. */
function tamper(sql: string, ...params: (string | number | null)[]): void {
  const db = new DatabaseSync(path);
  try {
    db.exec(
      'DROP TRIGGER IF EXISTS access_log_no_update; DROP TRIGGER IF EXISTS access_log_no_delete;',
    );
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function seedFive(log: AccessLog): Promise<void> {
  for (let index = 1; index <= 5; index += 1) {
    await log.record(read({ caseId: `case-${index % 2}`, purpose: `check ${index}` }));
  }
}

describe('SQLite access log', () => {
  it('records who, agency, when, which case and purpose, and lists by case, user and agency', async () => {
    const log = openLog();
    const first = await log.record(read({ purpose: 'family enquiry' }));
    expect(first).toMatchObject({
      sequence: 1,
      actor: { agency: 'pdrm', sub: 'officer-7' },
      caseId: 'case-1',
      purpose: 'family enquiry',
      channel: 'api',
      at: '2025-10-29T00:00:00.000Z',
      previousHash: '0'.repeat(64),
    });
    await log.record(read({ actor: { agency: 'wisma-putra', sub: 'desk-2' }, channel: 'export' }));
    await log.record(read({ caseId: 'case-2', channel: 'cli' }));
    expect((await log.listByCase('case-1')).map((entry) => entry.sequence)).toEqual([1, 2]);
    expect((await log.listByUser('officer-7')).map((entry) => entry.caseId)).toEqual([
      'case-1',
      'case-2',
    ]);
    expect((await log.listByAgency('wisma-putra')).map((entry) => entry.channel)).toEqual([
      'export',
    ]);
    expect((await log.listByCase('case-1'))[1]).not.toHaveProperty('purpose');
    expect(await log.listByCase('case-unknown')).toEqual([]);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 3, head: { sequence: 3 } });
  });

  it('keeps entries and the chain across reopening', async () => {
    const first = openLog();
    await first.record(read());
    const head = await first.head();
    await first.close();
    const again = openLog();
    const next = await again.record(read());
    expect(next).toMatchObject({ sequence: 2, previousHash: head?.hash });
    expect(await again.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps one unforked chain under concurrent callers on two connections', async () => {
    const [a, b] = [openLog(), openLog()];
    const entries = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        (index % 2 ? a : b).record(read({ actor: { agency: 'pdrm', sub: `officer-${index}` } })),
      ),
    );
    expect(entries.map((entry) => entry.sequence).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 60 }, (_, index) => index + 1),
    );
    expect(await a.verify()).toMatchObject({ ok: true, entries: 60 });
    expect(await b.verify()).toMatchObject({ ok: true, entries: 60 });
  });

  it('keeps one chain when other processes append to the same file at the same time', async () => {
    const log = openLog();
    const writer = (name: string) =>
      new Promise<number | null>((resolve, reject) => {
        const script = `
          const { openSqliteAccessLog } = await import(${JSON.stringify(moduleUrl)});
          const log = openSqliteAccessLog({ path: ${JSON.stringify(path)} });
          for (let i = 0; i < 40; i++) {
            await log.record({ actor: { agency: 'pdrm', sub: '${name}' }, caseId: 'case-1', channel: 'cli', at: new Date().toISOString() });
          }
          await log.close();`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
          stdio: 'inherit',
        });
        child.once('error', reject);
        child.once('exit', resolve);
      });
    const children = [writer('process-a'), writer('process-b')];
    for (let index = 0; index < 40; index += 1) await log.record(read({ channel: 'api' }));
    expect(await Promise.all(children)).toEqual([0, 0]);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 120 });
    expect(await log.listByUser('process-b')).toHaveLength(40);
  });

  it('refuses bad input naming each field, and records nothing', async () => {
    const log = openLog();
    await log.record(read());
    const bad = {
      actor: { agency: 'pdrm' },
      caseId: 'case 1',
      channel: 'telepathy',
      at: 'yesterday',
      purpose: 'line\nbreak',
      extra: true,
    };
    const error = await log.record(bad as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    const problems = (error as InvalidInputError).problems.join('\n');
    for (const field of ['actor.sub', 'caseId', 'channel', 'at', 'purpose', '(value)']) {
      expect(problems).toContain(field);
    }
    expect(problems).toMatch(/unrecognized key.*extra/i);
    expect(await log.head()).toMatchObject({ sequence: 1 });
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('is append-only: UPDATE and DELETE are refused by the file itself', async () => {
    await openLog().record(read());
    const db = new DatabaseSync(path);
    try {
      expect(() => db.exec(`UPDATE access_log SET sub = 'x'`)).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM access_log')).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('names a changed entry', async () => {
    const log = openLog();
    await seedFive(log);
    tamper(`UPDATE access_log SET purpose = 'nothing to see' WHERE sequence = 3`);
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSequence: 3,
      problem: expect.stringMatching(/#3.*changed/),
    });
  });

  it('names a deleted entry, in the middle and at the tail', async () => {
    const log = openLog();
    await seedFive(log);
    tamper('DELETE FROM access_log WHERE sequence = 2');
    expect(await log.verify()).toMatchObject({ ok: false, firstBadSequence: 2 });
    tamper('DELETE FROM access_log WHERE sequence >= 2');
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSequence: 2,
      problem: expect.stringMatching(/tail removed/),
    });
  });

  it('names an inserted entry, even one with a correctly computed hash', async () => {
    const log = openLog();
    await seedFive(log);
    const rows = new DatabaseSync(path, { readOnly: true });
    const second = rows
      .prepare('SELECT previous_hash FROM access_log WHERE sequence = 2')
      .get() as { previous_hash: string };
    const last = rows.prepare('SELECT hash FROM access_log WHERE sequence = 5').get() as {
      hash: string;
    };
    rows.close();
    const forged = (sequence: number, previousHash: string) => {
      const content = {
        sequence,
        at: '2025-10-29T00:00:00.000Z',
        agency: 'pdrm',
        sub: 'intruder',
        caseId: 'case-1',
        purpose: null,
        channel: 'api',
        previousHash,
      };
      return [
        sequence,
        content.at,
        'pdrm',
        'intruder',
        'case-1',
        null,
        'api',
        previousHash,
        accessEntryHash(content),
      ] as const;
    };
    tamper('INSERT INTO access_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', ...forged(6, last.hash));
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSequence: 6,
      problem: expect.stringMatching(/past the recorded head/),
    });
    tamper('DELETE FROM access_log WHERE sequence IN (2, 6)');
    tamper(
      'INSERT INTO access_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ...forged(2, second.previous_hash),
    );
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSequence: 3,
      problem: expect.stringMatching(/does not link/),
    });
  });
});
