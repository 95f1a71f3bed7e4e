/**
 * Loud skips: a suite that cannot get its real server prints why, on stderr, once, so the
 * skip shows in the test output and in CI logs.
 */
const announced = new Set<string>();

export function announceSkip(suite: string, reason: string): void {
  const line = `SKIPPED ${suite}: ${reason}`;
  if (announced.has(line)) return;
  announced.add(line);
  process.stderr.write(`\n*** ${line} ***\n`);
}
