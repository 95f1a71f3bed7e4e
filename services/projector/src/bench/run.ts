/**
 * Runs the projections benchmark once and prints its results as JSON (what docs/performance.md
 * reports): `node services/projector/src/bench/run.ts [--events N] [--quick]`.
 */
import { runProjectorBenchmarks } from './run-projector-benchmarks.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--events');
const events = at >= 0 ? Number(args[at + 1]) : undefined;
if (events !== undefined && (!Number.isInteger(events) || events < 1_000)) {
  process.stderr.write('--events must be a whole number of at least 1000\n');
  process.exit(2);
}
const results = await runProjectorBenchmarks({
  ...(events === undefined ? {} : { events }),
  quick: args.includes('--quick'),
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
