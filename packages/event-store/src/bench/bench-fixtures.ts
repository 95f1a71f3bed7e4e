/**
 * Synthetic events for the benchmarks: the size and shape of a real case event (a few
 * hundred bytes of data, full metadata), without any personal data.
 */
import { monotonicFactory } from 'ulid';

// Monotonic: fresh randomness only once per millisecond, so building fixtures stays cheap.
const ulid = monotonicFactory();

import type { NewEvent } from '../port.ts';

export function benchEvents(count: number): NewEvent[] {
  const events: NewEvent[] = [];
  for (let index = 0; index < count; index++) {
    events.push({
      id: ulid(),
      type: 'TrackingUpdated',
      schemaVersion: 1,
      data: {
        country: 'KH',
        location: { province: 'Preah Sihanouk', precision: 'city' },
        source: 'embassy',
        note: 'contact re-established through the embassy hotline',
        sequence: index,
        sealed: {
          keyId: 'k-0001',
          nonce: 'bm9uY2Utbm9uY2U=',
          ciphertext: 'Y2lwaGVydGV4dA=='.repeat(4),
        },
      },
      metadata: {
        actor: { agency: 'embassy-phnom-penh', sub: 'officer-17' },
        correlationId: ulid(),
        causationId: ulid(),
        occurredAt: '2025-10-29T03:15:00.000Z',
      },
    });
  }
  return events;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
