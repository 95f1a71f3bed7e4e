import { describe, expect, it } from 'vitest';
import { createLiveHub } from './live-hub.ts';
import type { LiveUpdate } from './live-update.ts';
import { type CaseSummaryLike, feedFromReadModels } from './read-model-feed.ts';

const summary = (caseId: string, revision: number, position: number): CaseSummaryLike => ({
  caseId,
  revision,
  position,
  status: 'open',
  stage: 'tracked',
  classification: { status: 'presumed_victim' },
  legal: { status: 'none' },
  lastKnownCountry: 'KH',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function* changes(list: [string, number][]) {
  for (const [streamId, position] of list) yield { streamId, position };
}

describe('feedFromReadModels', () => {
  it('publishes each changed case once the projector reached its position, then the stats', async () => {
    const hub = createLiveHub();
    const seen: LiveUpdate[] = [];
    hub.subscribe((u) => seen.push(u));
    const folded: number[] = [];
    const readModel = new Map([
      ['A', summary('A', 1, 2)],
      ['B', summary('B', 0, 3)],
    ]);
    await feedFromReadModels(hub, {
      changes: changes([
        ['case-A', 1],
        ['case-A', 2],
        ['other-stream', 5],
        ['case-B', 3],
      ]),
      waitForPosition: async (position) => {
        folded.push(position);
      },
      caseSummary: (id) => readModel.get(id),
      caseIdOf: (streamId) => (streamId.startsWith('case-') ? streamId.slice(5) : undefined),
    });
    expect(folded.length).toBeGreaterThan(0);
    expect(Math.max(...folded)).toBe(3);
    const cases = seen.filter((u) => u.kind === 'case');
    expect(new Set(cases.map((u) => u.caseId))).toEqual(new Set(['A', 'B']));
    expect(seen.at(-1)).toEqual({ kind: 'stats', position: 3 });
  });

  it('reports a projector that does not catch up, and asks pages to resync', async () => {
    const hub = createLiveHub();
    const seen: LiveUpdate[] = [];
    hub.subscribe((u) => seen.push(u));
    const errors: unknown[] = [];
    await feedFromReadModels(
      hub,
      {
        changes: changes([['case-A', 1]]),
        waitForPosition: () => Promise.reject(new Error('the projector is failed')),
        caseSummary: () => undefined,
        caseIdOf: (s) => s.slice(5),
      },
      (error) => errors.push(error),
    );
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([{ kind: 'stats', position: null }]);
  });
});
