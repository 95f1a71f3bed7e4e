/**
 * `pnpm casetrail bench [--only GROUP] [--json] [--quick]`: every benchmark group, each figure
 * next to what it is compared with in the same run. Progress goes to stderr so `--json`
 * stdout stays one JSON array. Benchmarks write only to their own temporary files.
 */
import { parseArgs } from 'node:util';
import { runPublicationLatencyBenchmark } from '@casetrail/alerting';
import { runCaseServiceBenchmarks } from '@casetrail/case-service';
import { type BenchResult, runEventStoreBenchmarks } from '@casetrail/event-store';
import { runProjectorBenchmarks } from '@casetrail/projector';
import type { Verb } from '../verb.ts';

type BenchGroup = {
  readonly name: string;
  run(options: { quick: boolean; onProgress: (line: string) => void }): Promise<BenchResult[]>;
};

const groups: readonly BenchGroup[] = [
  { name: 'event-store', run: runEventStoreBenchmarks },
  { name: 'case-service', run: runCaseServiceBenchmarks },
  { name: 'projections', run: runProjectorBenchmarks },
  { name: 'publication', run: runPublicationLatencyBenchmark },
];

const usage = `bench [--only GROUP] [--json] [--quick]

Runs the benchmarks and prints a table (or, with --json, one JSON array of
{ group, name, unit, value, baseline, baselineValue, ratio }).
  --only GROUP  one of: ${groups.map((group) => group.name).join(', ')}
  --quick       small sizes (a smoke run; figures are not for docs/performance.md)
Exit codes: 0 done, 2 bad usage.`;

export const benchVerb: Verb = {
  name: 'bench',
  summary: 'the benchmarks as a table, or --json',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: { only: { type: 'string' }, json: { type: 'boolean' }, quick: { type: 'boolean' } },
      strict: true,
    });
    const selected = values.only ? groups.filter((group) => group.name === values.only) : groups;
    if (selected.length === 0) {
      process.stderr.write(`casetrail bench: unknown group '${values.only}'\n\n${usage}\n`);
      return 2;
    }
    const results: BenchResult[] = [];
    for (const group of selected) {
      results.push(
        ...(await group.run({
          quick: values.quick ?? false,
          onProgress: (line) => process.stderr.write(`  ${line}\n`),
        })),
      );
    }
    process.stdout.write(
      values.json ? `${JSON.stringify(results, null, 2)}\n` : formatTable(results),
    );
    return 0;
  },
};

export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((result) => [
    result.group,
    result.name,
    `${format(result.value)} ${result.unit}`,
    `${format(result.baselineValue)} ${result.unit}`,
    `${(result.ratio * 100).toFixed(0)}%`,
    result.baseline,
  ]);
  const header = ['group', 'benchmark', 'value', 'baseline value', 'ratio', 'baseline'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`;
}

function format(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}
