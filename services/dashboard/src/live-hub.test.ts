import { describe, expect, it } from 'vitest';
import { createLiveHub } from './live-hub.ts';
import type { LiveUpdate } from './live-update.ts';

const update = (caseId: string, revision = 0) => ({
  kind: 'case' as const,
  caseId,
  revision,
  position: revision,
  status: 'open',
  stage: 'reported',
  classification: 'presumed_victim',
  legal: 'none',
  country: 'MM',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('createLiveHub', () => {
  it('fans out parsed updates and stops after unsubscribe', () => {
    const hub = createLiveHub();
    const seen: LiveUpdate[] = [];
    const stop = hub.subscribe((u) => seen.push(u));
    expect(hub.publish(update('A'))).toBe(true);
    expect(hub.publish({ kind: 'stats', position: 3 })).toBe(true);
    stop();
    hub.publish(update('B'));
    expect(seen.map((u) => u.kind)).toEqual(['case', 'stats']);
    expect(hub.listeners).toBe(0);
  });

  it('drops malformed updates and strips unknown (possibly personal) fields', () => {
    const hub = createLiveHub();
    const seen: LiveUpdate[] = [];
    hub.subscribe((u) => seen.push(u));
    expect(hub.publish({ kind: 'case', caseId: 'A' })).toBe(false);
    expect(hub.publish('nonsense')).toBe(false);
    hub.publish({ ...update('A'), person: { fullName: 'X' }, notes: 'free text' });
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0] as object)).not.toContain('person');
    expect(JSON.stringify(seen)).not.toContain('free text');
  });

  it('keeps the latest update of the most recent cases, newest first', () => {
    const hub = createLiveHub({ keep: 2 });
    hub.publish(update('A', 1));
    hub.publish(update('B', 1));
    hub.publish(update('A', 2));
    hub.publish(update('C', 1));
    expect(hub.recent().map((u) => `${u.caseId}${u.revision}`)).toEqual(['C1', 'A2']);
  });
});
