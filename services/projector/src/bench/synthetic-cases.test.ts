import { caseStateFromHistory, parseStoredEvent } from '@casetrail/domain';
import { describe, expect, it } from 'vitest';
import { syntheticCases } from './synthetic-cases.ts';

describe('syntheticCases', () => {
  it('produces valid, repeatable case histories the domain can fold', () => {
    const first = syntheticCases(42);
    const second = syntheticCases(42);
    const types = new Set<string>();
    for (let index = 0; index < 2_000; index += 1) {
      const history = first.next();
      expect(second.next()).toEqual(history);
      for (const event of history.events) {
        parseStoredEvent(event);
        types.add(event.type);
      }
      const records = history.events.map((event) => ({ ...event, data: event.data as unknown }));
      expect(caseStateFromHistory(records).status).not.toBe('unreported');
    }
    // Every kind of event shows up in a couple of thousand cases.
    expect(types.size).toBeGreaterThanOrEqual(18);
  });
});
