/**
 * Runs the case service benchmark once and writes its figures into the "Case service"
 * section of docs/performance.md (other sections are left as they are).
 * Run: node services/case-service/src/bench/run.ts [--quick]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '@casetrail/event-store';
import { runCaseServiceBenchmarks } from './run-case-service-benchmarks.ts';

const path = fileURLToPath(new URL('../../../../docs/performance.md', import.meta.url));
const heading = '## Case service';

export function caseServiceSection(
  results: readonly BenchResult[],
  when: Date,
  load?: number,
): string {
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    `${r.baselineValue} ${r.unit}`,
    `${Math.round(r.ratio * 100)}%`,
  ]);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const busy = load !== undefined && load > cpus().length;
  const shared =
    load === undefined
      ? ''
      : ` 1-minute load average when the run started: ${load.toFixed(1)} on ${cpus().length} cores${busy ? ' (the machine was shared with other jobs, which weighs more on the two-process HTTP side)' : ''}.`;
  return `${heading}

Measured ${when.toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version},
by \`node services/case-service/src/bench/run.ts\` (also \`pnpm casetrail bench --only case-service\`).
The same command (RecordTracking on one of 200 cases, no personal fields) at the same fixed
concurrency, in one run: over HTTP against the service in its own process (autocannon, 16
keep-alive connections, JWT verification, JSON log line per request) and handled in-process
(policy, JSON parse, schema, load the stream, decide, append). Each side has a fresh SQLite store
with \`synchronous=FULL\` (one fsync per append). Three rounds of 4 s alternate the two sides so a
change in machine load hits both; figures are the medians. CPU per command is the serving
process's user + system time (\`/proc\`) over the commands it served: the difference is the
HTTP layer (parsing, the Node-to-web request adaptation, the token check, one log line), while
both sides wait on the same fsync per append. Aim: HTTP at half or more
of the in-process rate.${shared}

${markdownTable(['benchmark', 'HTTP', 'in-process', 'ratio'], rows)}

`;
}

/** A Markdown table with padded columns, as the repository's formatter writes them. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** Replaces (or appends) the Case service section, keeping every other section. */
export function withSection(document: string, section: string): string {
  const start = document.indexOf(`${heading}\n`);
  if (start < 0) return `${document.trimEnd()}\n\n${section}`;
  const next = document.indexOf('\n## ', start + heading.length);
  return document.slice(0, start) + section + (next < 0 ? '' : document.slice(next + 1));
}

if (import.meta.main) {
  const load = loadavg()[0];
  const results = await runCaseServiceBenchmarks({
    quick: process.argv.includes('--quick'),
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  writeFileSync(path, withSection(current, caseServiceSection(results, new Date(), load)));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwrote ${path}\n`);
}
