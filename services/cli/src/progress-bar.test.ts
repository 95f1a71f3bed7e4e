import { describe, expect, it } from 'vitest';
import { progressBar, renderProgress } from './progress-bar.ts';

function capture(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (chunk: string) => writes.push(chunk) > 0 } };
}

describe('renderProgress', () => {
  it('shows the bar, share, counts, rate and time left', () => {
    const line = renderProgress({
      label: 'seeding',
      total: 4000,
      unit: 'actions',
      done: 1000,
      elapsedMs: 2000,
    });
    expect(line).toBe(
      `seeding  [#######.....................]   25%  1,000/4,000 actions  500/s  ETA 6s`,
    );
  });

  it('says how long it took once done, and copes with an unknown total', () => {
    expect(renderProgress({ label: 'x', total: 10, done: 10, elapsedMs: 90_000 })).toContain(
      'in 1m30s',
    );
    expect(
      renderProgress({ label: 'verifying', done: 1234, elapsedMs: 1000, unit: 'events' }),
    ).toBe('verifying  1,234 events  1,234/s');
  });
});

describe('progressBar', () => {
  it('redraws one line on a terminal, at most every 100 ms, and ends it on finish', () => {
    let clock = 0;
    const { writes, stream } = capture(true);
    const bar = progressBar({ label: 'l', total: 100, stream, now: () => clock });
    bar.update(1);
    bar.update(2);
    clock = 150;
    bar.update(3);
    bar.finish('done');
    expect(writes.filter((w) => w.startsWith('\r'))).toHaveLength(3);
    expect(writes.at(-1)).toBe('\n');
    expect(writes.at(-2)).toContain('done');
  });

  it('prints a plain line per tenth elsewhere, so CI logs stay short', () => {
    const { writes, stream } = capture(false);
    const bar = progressBar({ label: 'l', total: 1000, stream, now: () => 0 });
    for (let i = 1; i <= 1000; i += 1) bar.tick();
    bar.finish();
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });

  it('writes nothing when silent', () => {
    const { writes, stream } = capture(true);
    const bar = progressBar({ label: 'l', total: 3, stream, silent: true });
    bar.tick();
    bar.finish();
    expect(writes).toEqual([]);
  });
});
