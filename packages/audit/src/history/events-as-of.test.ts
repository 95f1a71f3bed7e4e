import type { RecordedEvent } from '@casetrail/event-store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsAsOf } from './events-as-of.ts';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();

function event(revision: number, recordedDay: number, occurredDay: number): RecordedEvent {
  return {
    id: `E${revision}`,
    type: revision === 0 ? 'CaseReported' : 'PersonTracked',
    schemaVersion: 1,
    data: {},
    metadata: {
      actor: { agency: 'pdrm', sub: 's' },
      correlationId: 'c',
      occurredAt: day(occurredDay),
    },
    streamId: 'case-X',
    revision,
    position: revision + 1,
    recordedAt: day(recordedDay),
    previousHash: '',
    hash: '',
  };
}

describe('eventsAsOf', () => {
  // Recorded on days 10, 20, 30; happened on days 5, 25, 15 (the last one recorded late).
  const stream = [event(0, 10, 5), event(1, 20, 25), event(2, 30, 15)];
  const revisions = (events: RecordedEvent[]) => events.map((e) => e.revision);

  it('takes what the store had recorded by T on the recorded axis', () => {
    expect(revisions(eventsAsOf(stream, { at: day(9), time: 'recorded' }))).toEqual([]);
    expect(revisions(eventsAsOf(stream, { at: day(10), time: 'recorded' }))).toEqual([0]);
    expect(revisions(eventsAsOf(stream, { at: day(25), time: 'recorded' }))).toEqual([0, 1]);
  });

  it('takes what had happened by T on the occurred axis, in stream order', () => {
    expect(revisions(eventsAsOf(stream, { at: day(16), time: 'occurred' }))).toEqual([0, 2]);
    expect(revisions(eventsAsOf(stream, { at: day(25), time: 'occurred' }))).toEqual([0, 1, 2]);
  });

  it('has nothing of a case whose report happened after T, even if later events say earlier', () => {
    const backdated = [event(0, 10, 12), event(1, 11, 3)];
    expect(eventsAsOf(backdated, { at: day(5), time: 'occurred' })).toEqual([]);
  });

  it('takes everything without a moment', () => {
    expect(revisions(eventsAsOf(stream, { at: null, time: 'occurred' }))).toEqual([0, 1, 2]);
  });

  it('never invents or reorders events, and a later moment never knows less', () => {
    const streams = fc
      .array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 12 })
      .map((days) => {
        let recorded = 0;
        return days.map(([gap, occurred], revision) => {
          recorded += gap;
          return event(revision, recorded, occurred);
        });
      });
    fc.assert(
      fc.property(
        streams,
        fc.nat(700),
        fc.nat(700),
        fc.constantFrom('recorded', 'occurred'),
        (s, a, b, time) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const first = eventsAsOf(s, { at: day(early), time: time as 'recorded' });
          const second = eventsAsOf(s, { at: day(late), time: time as 'recorded' });
          const order = revisions(first);
          expect(order).toEqual([...order].sort((x, y) => x - y));
          for (const kept of first) expect(second).toContain(kept);
          if (first.length > 0) expect(first[0]?.revision).toBe(0);
        },
      ),
    );
  });
});
