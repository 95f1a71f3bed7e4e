/**
 * A progress bar for long CLI verbs (seed, rebuild, verify). It writes to stderr only, so a
 * verb's stdout (tables, `--json`) stays clean; on a terminal it redraws one line, elsewhere
 * (CI logs, pipes) it prints a plain line every 10% so logs stay short. The label and detail
 * are the caller's: they must never carry personal data.
 */

export type ProgressBarOptions = {
  /** What is being counted, e.g. `seeding parliament-2024`. */
  readonly label: string;
  /** Units of work in all; undefined when unknown (then a count and a rate are shown). */
  readonly total?: number;
  /** What one unit is called, plural (default `items`). */
  readonly unit?: string;
  readonly stream?: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };
  /** Nothing is written at all (e.g. `--json` runs that want stderr quiet too). */
  readonly silent?: boolean;
  /** Milliseconds clock, for tests. */
  readonly now?: () => number;
};

export type ProgressBar = {
  /** Sets the units done so far (not an increment). */
  update(done: number, detail?: string): void;
  /** Adds to the units done. */
  tick(by?: number, detail?: string): void;
  /** Draws the final state and ends the line, with an optional summary. */
  finish(summary?: string): void;
};

const WIDTH = 28;
const REDRAW_EVERY_MS = 100;

export function progressBar(options: ProgressBarOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const started = now();
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastDecile = -1;
  let finished = false;

  const draw = (detail: string | undefined, force: boolean) => {
    if (options.silent || finished) return;
    const t = now();
    const line = renderProgress({ ...options, done, elapsedMs: t - started, detail });
    if (tty) {
      if (!force && t - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = t;
      stream.write(`\r\x1b[2K${line}`);
      return;
    }
    const decile = options.total ? Math.floor((done / options.total) * 10) : -1;
    if (!force && (decile === lastDecile || decile < 0)) return;
    lastDecile = decile;
    stream.write(`${line}\n`);
  };

  return {
    update(value, detail) {
      done = value;
      draw(detail, false);
    },
    tick(by = 1, detail) {
      done += by;
      draw(detail, false);
    },
    finish(summary) {
      draw(summary, true);
      if (tty && !options.silent && !finished) stream.write('\n');
      finished = true;
    },
  };
}

export type ProgressState = {
  readonly label: string;
  readonly total?: number;
  readonly unit?: string;
  readonly done: number;
  readonly elapsedMs: number;
  readonly detail?: string | undefined;
};

/** One line: `label [#####.....]  52%  2,210/4,222 actions  310/s  ETA 7s  detail`. */
export function renderProgress(state: ProgressState): string {
  const unit = state.unit ?? 'items';
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const parts = [state.label];
  if (state.total !== undefined && state.total > 0) {
    const share = Math.min(1, state.done / state.total);
    const filled = Math.round(share * WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`);
    parts.push(`${String(Math.floor(share * 100)).padStart(3)}%`);
    parts.push(`${count(state.done)}/${count(state.total)} ${unit}`);
  } else {
    parts.push(`${count(state.done)} ${unit}`);
  }
  if (rate > 0) parts.push(`${count(Math.round(rate))}/s`);
  if (state.total !== undefined && rate > 0 && state.done < state.total) {
    parts.push(`ETA ${duration((state.total - state.done) / rate)}`);
  } else if (state.total !== undefined && state.done >= state.total) {
    parts.push(`in ${duration(seconds)}`);
  }
  if (state.detail) parts.push(state.detail);
  return parts.join('  ');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
