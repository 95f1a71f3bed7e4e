import {
  type CaseCommandType,
  type CaseState,
  caseStreamId,
  decide,
  evolve,
  initialCaseState,
  parseCommand,
  parseStoredEvent,
} from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import { type NationalSummary, nationalSummaryAsOf } from '@casetrail/projections';
import { describe, expect, it } from 'vitest';
import type { Checkpoint, Scenario } from './scenario.ts';
import { buildScenario, type ScenarioName } from './scenario-catalogue.ts';

/**
 * Plays a scenario through the real decider, in-process (no HTTP): every body must parse
 * with its command's schema, every command must be accepted in the state the story left
 * the case in, and the resulting log must give the checkpoints' figures exactly.
 */
function play(scenario: Scenario): RecordedEvent[] {
  const ids = new Map<string, string>();
  const states = new Map<string, CaseState>();
  const offers = new Map<number, string>();
  const log: RecordedEvent[] = [];
  const now = '2026-01-01T00:00:00.000Z';
  for (const action of scenario.actions) {
    const caseId = ids.get(action.caseRef) ?? fakeUlid(ids.size + 1);
    ids.set(action.caseRef, caseId);
    const body: Record<string, unknown> = { ...action.body };
    const params: Record<string, string> = {};
    if (action.refs?.duplicateOf) body.duplicateOf = ids.get(action.refs.duplicateOf);
    if (action.refs?.handoverOffer) params.handoverId = offers.get(action.refs.handoverOffer) ?? '';
    const parsed = parseCommand(action.command as CaseCommandType, body, params);
    if (!parsed.ok)
      throw new Error(`#${action.seq} ${action.command}: ${JSON.stringify(parsed.issues)}`);
    const state = states.get(caseId) ?? initialCaseState;
    const handoverId = fakeUlid(100_000 + action.seq);
    const target = action.refs?.duplicateOf
      ? states.get(ids.get(action.refs.duplicateOf) ?? '')
      : undefined;
    const decision = decide(state, parsed.value, {
      now,
      actor: { agency: action.agency, sub: action.sub },
      caseId,
      handoverId,
      duplicateTarget: target ?? initialCaseState,
    });
    if (!decision.ok)
      throw new Error(
        `#${action.seq} ${action.command} on ${action.caseRef}: ${decision.error.code}`,
      );
    if (action.command === 'OfferHandover') offers.set(action.seq, handoverId);
    let next = state;
    for (const event of decision.events) {
      const recorded: RecordedEvent = {
        id: fakeUlid(200_000 + log.length),
        type: event.type,
        schemaVersion: event.type === 'CaseReported' ? 2 : 1,
        data: event.data as Record<string, unknown>,
        metadata: {
          actor: { agency: action.agency, sub: action.sub },
          correlationId: 'c',
          occurredAt: decision.occurredAt,
        },
        streamId: caseStreamId(caseId),
        revision: 0,
        position: log.length + 1,
        recordedAt: now,
        previousHash: '',
        hash: '',
      };
      next = evolve(next, parseStoredEvent(recorded), {
        occurredAt: decision.occurredAt,
        agency: action.agency,
      });
      log.push(recorded);
    }
    states.set(caseId, next);
  }
  return log;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function fakeUlid(n: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 32)) text = CROCKFORD[rest % 32] + text;
  return `01J${text.padStart(23, '0')}`;
}

function headline(summary: NationalSummary) {
  return {
    affected: summary.affected,
    returnedHome: summary.whereabouts.returnedHome,
    rescuedAwaitingReturn: summary.whereabouts.rescuedAwaitingReturn,
    beingTracked: summary.whereabouts.beingTracked,
    closed: summary.whereabouts.closed,
  };
}

function expected(checkpoint: Checkpoint) {
  return {
    affected: checkpoint.affected,
    returnedHome: checkpoint.returnedHome,
    rescuedAwaitingReturn: checkpoint.rescuedAwaitingReturn,
    beingTracked: checkpoint.beingTracked,
    closed: 0,
  };
}

describe.each([
  ['parliament-2024', 2024],
  ['parliament-2024', 7],
  ['parliament-2022', 2024],
  ['small', 2024],
  ['small', 99],
] as [ScenarioName, number][])('scenario %s, seed %i', (name, seed) => {
  const scenario = buildScenario(name, seed);
  const log = play(scenario);

  it.each(scenario.checkpoints.map((c) => [c.label, c] as const))(
    'reads exactly the figures of %s (business time)',
    (_label, checkpoint) => {
      const summary = nationalSummaryAsOf(log, { asOf: checkpoint.asOf, time: 'occurred' });
      expect(headline(summary)).toEqual(expected(checkpoint));
      expect(summary.check.addsUp).toBe(true);
      // A date-only "as of" (UTC midnight of the same day) reads the same: nothing moves near it.
      const dayOnly = nationalSummaryAsOf(log, {
        asOf: checkpoint.asOf.slice(0, 10),
        time: 'occurred',
      });
      expect(headline(dayOnly)).toEqual(expected(checkpoint));
    },
  );

  it('charges exactly the people the last checkpoint says, all reclassified', () => {
    const last = scenario.checkpoints.at(-1) as Checkpoint;
    const summary = nationalSummaryAsOf(log, { asOf: last.asOf, time: 'occurred' });
    expect(summary.legal.prosecuted).toBe(last.prosecuted);
  });

  it('is the same story for the same seed, and another for another seed', () => {
    expect(buildScenario(name, seed).actions).toEqual(scenario.actions);
    expect(buildScenario(name, seed + 1).actions).not.toEqual(scenario.actions);
  });
});

describe('parliament-2024 tells the whole story', () => {
  const scenario = buildScenario('parliament-2024');
  const log = play(scenario);
  const summary = nationalSummaryAsOf(log, { asOf: '2024-10-29T23:59:59+08:00', time: 'occurred' });
  const count = (type: string) => log.filter((event) => event.type === type).length;

  it('reclassifies about 90% of the people affected', () => {
    expect(summary.reclassifiedShareOfAffected).toBeGreaterThan(0.87);
    expect(summary.reclassifiedShareOfAffected).toBeLessThan(0.93);
  });

  it('has duplicates, tracking, rescues, returns without rescue, confirmations and more', () => {
    expect(summary.duplicatesExcluded).toBeGreaterThan(20);
    expect(count('PersonTracked')).toBeGreaterThan(500);
    expect(count('PersonRescued')).toBeGreaterThan(300);
    const routes = log.filter((e) => e.type === 'PersonRepatriated').map((e) => e.data.route);
    expect(new Set(routes)).toEqual(new Set(['via_rescue', 'deportation', 'self_return']));
    expect(count('VictimConfirmed')).toBeGreaterThan(10);
    expect(count('ReclassificationReversed')).toBeGreaterThan(0);
    expect(count('HandoverAccepted')).toBeGreaterThan(5);
    expect(count('CaseReopened')).toBeGreaterThan(0);
    expect(Object.keys(summary.byCountry).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(summary.byReportSource).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(summary.byYearOfReport)).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('has several agencies and officers acting', () => {
    const agencies = new Set(scenario.actions.map((a) => a.agency));
    expect(agencies).toEqual(
      new Set([
        'wisma-putra',
        'embassy',
        'pdrm',
        'mapo',
        'immigration',
        'ag-chambers',
        'mp-centre',
      ]),
    );
    expect(new Set(scenario.actions.map((a) => a.sub)).size).toBeGreaterThan(15);
  });

  it('keeps every case in business-time order', () => {
    const last = new Map<string, number>();
    for (const action of scenario.actions) {
      const at = Date.parse(action.occurredAt);
      expect(at).toBeGreaterThan(last.get(action.caseRef) ?? 0);
      last.set(action.caseRef, at);
    }
  });
});

describe('any seed tells a story the decider accepts, with the exact figures', () => {
  it.each(Array.from({ length: 12 }, (_, i) => 1000 + i * 7919))('small, seed %i', (seed) => {
    const scenario = buildScenario('small', seed);
    const log = play(scenario);
    for (const checkpoint of scenario.checkpoints) {
      const summary = nationalSummaryAsOf(log, { asOf: checkpoint.asOf, time: 'occurred' });
      expect(headline(summary)).toEqual(expected(checkpoint));
    }
  });
});
