/**
 * Runs the event-store benchmarks once and prints the table with the ratios to the raw limit:
 *   node packages/event-store/src/bench/run.ts [--quick] [--json] [--write-docs]
 * With --write-docs it also replaces the "Event store" section of docs/performance.md with the
 * figures, the machine, the date and the durability setting. Never touches other sections.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SYNCHRONOUS_SETTING } from '../sqlite/sqlite-schema.ts';
import type { BenchResult } from './bench-result.ts';
import { runEventStoreBenchmarks } from './run-event-store-benchmarks.ts';

const args = new Set(process.argv.slice(2));
const aims: Record<string, number> = {
  'append, 1 event per call': 0.7,
  'append, 100 events per call': 0.8,
  'read whole log': 0.5,
};

const loadAtStart = loadavg()[0]!;
const results = await runEventStoreBenchmarks({
  quick: args.has('--quick'),
  onProgress: (message) => process.stderr.write(`${message}\n`),
});

const number = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

function table(rows: readonly BenchResult[]): string {
  const lines = [
    '| benchmark | store | raw node:sqlite | ratio | aim |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((row) => {
      const aim = aims[row.name];
      return `| ${row.name} | ${number(row.value)} ${row.unit} | ${number(row.baselineValue)} ${row.unit} | ${percent(row.ratio)} | ${aim === undefined ? '–' : `≥ ${percent(aim)}`} |`;
    }),
  ];
  return lines.join('\n');
}

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  process.stdout.write(`${table(results)}\n`);
}

if (args.has('--write-docs')) {
  const docs = fileURLToPath(new URL('../../../../docs/performance.md', import.meta.url));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    '<!-- event-store:begin (written by node packages/event-store/src/bench/run.ts --write-docs) -->',
    '## Event store',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ` +
      `Node ${process.version}, ext4 on a virtual disk, shared with other jobs (load average ${loadAtStart.toFixed(1)} at the start)${args.has('--quick') ? ', quick sizes' : ''}. ` +
      `Durability: WAL, \`synchronous=${SYNCHRONOUS_SETTING}\`, for the store and the raw baseline alike ` +
      '(every append is one `BEGIN IMMEDIATE … COMMIT` with an fsync).',
    '',
    table(results),
    '',
    'The raw baseline replays the very rows the store wrote into the same table and indexes, with the ',
    'same transaction boundaries, and reads them back with plain SELECTs: no validation, no canonical ',
    'JSON, no hashing, no decoding. The difference is what the store adds (zod parsing, two SHA-256 per ',
    'event, canonical encoding, the idempotency and revision look-ups; on reads JSON and zod decoding). ',
    'Store and baseline run in alternating chunks (100 single appends, 1000 events otherwise) and ',
    'each figure is the median of the chunk rates over three rounds, so load from other jobs moves ',
    'both sides alike; absolute rates still vary with it (an fsync costs 0.3 ms on an idle disk here, ',
    'several ms under load), ratios much less.',
    '',
    'Where the time goes. Single appends: the fsync dominates both sides (a ratio a little over ',
    '100% is noise). Reads: the store adds a ',
    '`JSON.parse` of the data, a zod check of the row and the recorded-event objects to a raw row ',
    'fetch that costs about 2 µs. Batches of 100 are the hard case: with ',
    "one fsync per 100 rows a raw insert costs only about 10 µs of CPU per row, and the store's ",
    'per-event work (zod parsing of the input, canonical JSON, two SHA-256 for the stream and log ',
    'chains, building the recorded events) costs most of that again. Closing the gap would mean ',
    'dropping a guarantee (input parsing or a hash chain), which the store does not do.',
    '',
    'Re-run with `pnpm casetrail bench --only event-store` or `node packages/event-store/src/bench/run.ts`.',
    '<!-- event-store:end -->',
  ]
    .map((line) => line.trimEnd())
    .join('\n');
  const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Performance\n';
  const pattern = /<!-- event-store:begin[\s\S]*?<!-- event-store:end -->/;
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(docs, next);
  process.stderr.write(`wrote the Event store section of ${docs}\n`);
}
