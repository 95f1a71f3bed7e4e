/**
 * The shape every casetrail benchmark reports (CONTRACT.md, `pnpm casetrail bench --json`):
 * a figure and, measured in the same run, what it is compared with.
 */
export type BenchResult = {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** What the figure is compared with in the same run (here: the raw node:sqlite limit). */
  readonly baseline: string;
  readonly baselineValue: number;
  /** value / baselineValue. */
  readonly ratio: number;
};

export type EventStoreBenchOptions = {
  /** Small sizes, a few seconds in all (CI smoke runs). */
  readonly quick?: boolean;
  /** Directory for the benchmark's database files (default: a fresh temporary directory). */
  readonly dir?: string;
  /** Rounds per figure; the median of the rounds is reported (default 3, quick 1). */
  readonly rounds?: number;
  /** Called with a line of progress text, e.g. to print on stderr. */
  readonly onProgress?: (message: string) => void;
};
