/**
 * Runs the publication latency benchmark once and prints its results as JSON (what
 * docs/performance.md reports): `node services/alerting/src/bench/run.ts [--rate N]
 * [--seconds N] [--cases N] [--quick]`. Progress goes to stderr.
 */
import { parseArgs } from 'node:util';
import { runPublicationLatencyBenchmark } from './run-publication-latency-benchmark.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    cases: { type: 'string' },
    quick: { type: 'boolean' },
  },
  strict: true,
});
const whole = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value;
  process.stderr.write(`--${name} must be a whole number above 0\n`);
  process.exit(2);
};
const ratePerSecond = whole('rate', values.rate);
const durationSeconds = whole('seconds', values.seconds);
const cases = whole('cases', values.cases);
const results = await runPublicationLatencyBenchmark({
  ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
  ...(durationSeconds === undefined ? {} : { durationSeconds }),
  ...(cases === undefined ? {} : { cases }),
  quick: values.quick ?? false,
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
