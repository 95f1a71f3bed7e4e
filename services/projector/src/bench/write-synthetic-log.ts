/**
 * Appends synthetic cases to a real event store through its port. `interleave` > 1 keeps that
 * many cases open at once and appends a few events of a random one at a time, so the global
 * log interleaves cases as agencies' work does; 1 appends each case whole (fastest: one
 * transaction per case, for the benchmark's large log).
 */
import type { EventStore } from '@casetrail/event-store';
import {
  type CaseGenerator,
  type SyntheticCase,
  seededRandom,
  syntheticCases,
} from './synthetic-cases.ts';

export type WriteLogOptions = {
  /** Stop once at least this many events are written (the last case is written whole). */
  readonly events: number;
  readonly seed?: number;
  readonly interleave?: number;
  readonly maxTrackingUpdates?: number;
  readonly onProgress?: (written: number) => void;
  /** Called after each append with what was written (the fault tests log acknowledgements). */
  readonly onAppended?: (streamId: string, revision: number, position: number) => void;
};

export async function writeSyntheticLog(
  store: EventStore,
  options: WriteLogOptions,
): Promise<{ events: number; cases: number }> {
  const seed = options.seed ?? 1;
  const generator: CaseGenerator = syntheticCases(seed, {
    maxTrackingUpdates: options.maxTrackingUpdates ?? 3,
  });
  const random = seededRandom(seed * 7 + 1);
  const width = Math.max(1, options.interleave ?? 1);
  const open: { history: SyntheticCase; next: number }[] = [];
  let written = 0;
  let cases = 0;
  let generating = true;
  for (;;) {
    while (generating && open.length < width) {
      if (
        written + open.reduce((sum, item) => sum + item.history.events.length - item.next, 0) >=
        options.events
      ) {
        generating = false;
        break;
      }
      open.push({ history: generator.next(), next: 0 });
      cases += 1;
    }
    if (open.length === 0) break;
    const at = width === 1 ? 0 : Math.floor(random() * open.length);
    const item = open[at] as (typeof open)[number];
    const count = width === 1 ? item.history.events.length : 1 + Math.floor(random() * 3);
    const chunk = item.history.events.slice(item.next, item.next + count);
    const result = await store.append(item.history.streamId, chunk, {
      expectedRevision: item.next === 0 ? 'no_stream' : item.next - 1,
    });
    options.onAppended?.(item.history.streamId, result.revision, result.position);
    item.next += chunk.length;
    written += chunk.length;
    if (item.next >= item.history.events.length) open.splice(at, 1);
    options.onProgress?.(written);
  }
  return { events: written, cases };
}
