/**
 * The embedded store with several processes on one file: the durability pragmas in force, a
 * reader holding a snapshot never blocks the writer, writers in separate processes race with
 * expected revisions correctly, and a subscriber in another process sees appends promptly
 * (woken by data_version polling, no busy loop) and exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { tempDir, waitFor } from '@casetrail/test-harness';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, testEvent, testEvents } from '../conformance/conformance-target.ts';
import { verifyLog } from '../integrity/verify-log.ts';
import { openSqliteEventStore } from './sqlite-event-store.ts';
import { openDatabase } from './sqlite-schema.ts';

const dir = tempDir('casetrail-event-store-processes-');
afterAll(() => dir.remove());

const script = (name: string) => fileURLToPath(new URL(`../conformance/${name}`, import.meta.url));

type Child = {
  process: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
};

function start(file: string, args: string[]): Child {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { process: child, lines, stderr: () => stderr, exited };
}

describe('SQLite event store across processes', () => {
  it('runs in WAL mode with synchronous=FULL, append-only', async () => {
    const path = `${dir.path}/pragmas.db`;
    const store = await openSqliteEventStore({ path });
    await store.append('case-a', testEvents(1), { expectedRevision: 'no_stream' });
    await store.close();
    const db = openDatabase({ path, busyTimeoutMs: 1000 });
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
      expect(() => db.exec('DELETE FROM events')).toThrow(/append-only/);
      expect(() => db.exec(`UPDATE events SET type = 'Other'`)).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('lets the writer commit while another process holds a read snapshot', async () => {
    const path = `${dir.path}/${ulid()}.db`;
    const store = await openSqliteEventStore({ path });
    await store.append('case-a', testEvents(3), { expectedRevision: 'no_stream' });
    // A reader process that opens a transaction, counts, and keeps the snapshot until told.
    const held = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DatabaseSync } from 'node:sqlite';
         const db = new DatabaseSync(${JSON.stringify(path)});
         db.exec('BEGIN');
         const count = () => db.prepare('SELECT count(*) AS n FROM events').get().n;
         process.stdout.write('holding ' + count() + '\\n');
         process.stdin.once('data', () => { process.stdout.write('still ' + count() + '\\n'); db.exec('COMMIT'); process.stdout.write('now ' + count() + '\\n'); process.exit(0); });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    held.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    try {
      await waitFor(() => output.includes('holding 3'), {
        timeoutMs: 30_000,
        what: 'reader snapshot',
      });
      const result = await store.append('case-a', testEvents(2), { expectedRevision: 2 });
      expect(result.revision).toBe(4);
      held.stdin!.write('go\n');
      await waitFor(() => output.includes('now 5'), {
        timeoutMs: 30_000,
        what: 'reader to finish',
      });
      expect(output).toContain('still 3');
    } finally {
      held.kill();
      await store.close();
    }
  });

  it('keeps revisions contiguous when writers in 4 processes race on one stream', async () => {
    const path = `${dir.path}/${ulid()}.db`;
    const url = `sqlite:${path}`;
    const writers = [1, 2, 3, 4].map(() =>
      start(script('writer-process.ts'), [url, 'case-race', '15']),
    );
    const codes = await Promise.all(writers.map((writer) => writer.exited));
    expect(codes, writers.map((writer) => writer.stderr()).join('\n')).toEqual([0, 0, 0, 0]);
    const store = await openSqliteEventStore({ path });
    try {
      const events = await collect(store.readStream('case-race'));
      expect(events.map((event) => event.revision)).toEqual([...Array(60).keys()]);
      const won = writers.flatMap((writer) =>
        writer.lines.filter((line) => line.startsWith('won ')),
      );
      const byRevision = new Map(
        won.map((line) => [Number(line.split(' ')[1]), line.split(' ')[2]]),
      );
      expect(byRevision.size).toBe(60);
      for (const event of events) expect(byRevision.get(event.revision)).toBe(event.id);
      expect((await verifyLog(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('wakes a subscriber in another process for every append, exactly once, in order', async () => {
    const path = `${dir.path}/${ulid()}.db`;
    const store = await openSqliteEventStore({ path });
    await store.append('case-early', testEvents(5), { expectedRevision: 'no_stream' });
    const subscriber = start(script('subscriber-process.ts'), [`sqlite:${path}`, '2']);
    try {
      await waitFor(() => subscriber.lines.includes('live'), {
        timeoutMs: 30_000,
        what: 'subscriber',
      });
      for (let index = 0; index < 20; index++) {
        const events = index % 4 === 0 ? testEvents(3) : [testEvent()];
        const result = await store.append(`case-${index % 3}`, events, { expectedRevision: 'any' });
        // Each append is seen before the next is made: the subscriber is woken every time.
        await waitFor(() => subscriber.lines.at(-1)?.startsWith(`event ${result.position} `), {
          timeoutMs: 30_000,
          what: `subscriber to see position ${result.position}`,
        });
      }
      const seen = subscriber.lines
        .filter((line) => line.startsWith('event '))
        .map((line) => Number(line.split(' ')[1]));
      const expected = (await collect(store.readAll({ afterPosition: 2 }))).map(
        (event) => event.position,
      );
      expect(seen).toEqual(expected);
    } finally {
      subscriber.process.kill();
      await subscriber.exited;
      await store.close();
    }
  });

  it('never lets two stores of one process assign the same position', async () => {
    const path = `${dir.path}/${ulid()}.db`;
    const [first, second] = [
      await openSqliteEventStore({ path }),
      await openSqliteEventStore({ path }),
    ];
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 === 0 ? first : second).append(`case-${index % 5}`, [testEvent()], {
            expectedRevision: 'any',
          }),
        ),
      );
      const positions = (await collect(first.readAll())).map((event) => event.position);
      expect(positions).toEqual([...Array(40).keys()].map((index) => index + 1));
      const db = new DatabaseSync(path, { readOnly: true });
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 40 });
      db.close();
    } finally {
      await first.close();
      await second.close();
    }
  });
});
