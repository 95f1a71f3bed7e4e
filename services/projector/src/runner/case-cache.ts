/**
 * A bounded cache of projected cases (least recently used out), so folding an event rarely
 * reads its case back from SQLite while memory stays flat however long the log grows.
 * Only committed states live here: the writer clears it when a transaction fails.
 */
import type { CaseState } from '@casetrail/domain';
import type { LogPosition } from '@casetrail/projections';

export type CachedCase = {
  readonly state: CaseState;
  /** The last event folded (undefined: the case does not exist yet). */
  readonly at: LogPosition | undefined;
  /** `caseFigureSignature(state)`: figures are recounted only when it changes. */
  readonly signature: string;
  /** Whether the stored registers hold rows for this case (to skip needless deletes). */
  readonly inRegisters: boolean;
};

export type CaseCache = {
  get(caseId: string): CachedCase | undefined;
  set(caseId: string, value: CachedCase): void;
  clear(): void;
  readonly size: number;
};

export function createCaseCache(capacity: number): CaseCache {
  const entries = new Map<string, CachedCase>();
  return {
    get(caseId) {
      const value = entries.get(caseId);
      if (value !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry most recently used.
        entries.delete(caseId);
        entries.set(caseId, value);
      }
      return value;
    },
    set(caseId, value) {
      entries.delete(caseId);
      entries.set(caseId, value);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
