/** What executing a command needs: the store, the vault, the clock, metrics and the lock. */
import type { EventStore } from '@casetrail/event-store';
import type { PersonalDataVault } from '@casetrail/personal-data';
import type { CaseServiceMetrics } from '../observability/metrics.ts';
import type { KeyedMutex } from './keyed-mutex.ts';

export type CommandContext = {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly metrics: CaseServiceMetrics;
  readonly now: () => Date;
  readonly lock: KeyedMutex;
  /** Attempts on concurrency conflicts without If-Match (first try included). */
  readonly maxAttempts: number;
};
