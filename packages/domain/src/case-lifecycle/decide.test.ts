import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseCommand, CaseCommandType } from '../commands/case-command-registry.ts';
import { caseCommandTypes } from '../commands/case-command-registry.ts';
import { type CaseEvent, caseEventRegistry } from '../events/case-event-registry.ts';
import { mapEventPersonalData } from '../events/event-personal-data.ts';
import { parseCaseEvent } from '../events/parse-case-event.ts';
import {
  bodies,
  CASE_ID,
  command,
  context as contextWith,
  HANDOVER_ID,
  NOW,
  PERSONAL_MARKERS,
} from '../testing/case-fixtures.ts';
import { histories } from '../testing/case-histories.ts';
import { stateOf } from '../testing/decider-specification.ts';
import { type Agency, OperationalAgency } from '../vocabulary/agency.ts';
import { caseStateFromHistory, type StoredEventRecord } from './case-history.ts';
import { caseInvariantViolations } from './case-invariants.ts';
import type { CaseState, Classification, ReportedCase } from './case-state.ts';
import { type Decision, decide } from './decide.ts';
import type { DecisionContext } from './decision-context.ts';
import { evolve } from './evolve.ts';

/**
 * Property tests (generous timeouts: the machine is shared; no timing is asserted): random command sequences from random agencies, at random business times.
 * After every step the rules hold; the state decide reasoned about is the one evolve builds
 * from the events; and nothing personal reaches the state.
 */

const bodyVariants: Record<CaseCommandType, readonly unknown[]> = {
  ReportCase: [
    bodies.reportCase,
    { ...bodies.reportCase, person: { fullName: 'PII B', ageBand: '0-17' } },
  ],
  RecordTracking: [bodies.tracking, { location: { country: 'MM' } }],
  RecordRescue: [bodies.rescue, { country: 'LA', rescuedBy: 'pdrm', notes: 'PII rescued' }],
  RecordRepatriation: [
    bodies.repatriation,
    bodies.selfReturn,
    { route: 'deportation', fromCountry: 'KH' },
  ],
  RecordReDeparture: [bodies.reDeparture, {}],
  ReclassifyPerson: [
    bodies.reclassify,
    { role: 'sponsor', basis: 'admission', decidingAgency: 'mapo' },
  ],
  ConfirmVictim: [bodies.confirmVictim],
  ReverseReclassification: [bodies.reverse, { reasons: ['new_evidence', 'other'] }],
  RecordProsecution: [
    bodies.prosecution,
    bodies.immuneProsecution,
    { ...bodies.prosecution, act: 'passports_act_1966', sections: ['12(1)(f)'] },
  ],
  RecordProsecutionOutcome: [
    { outcome: 'convicted' },
    { outcome: 'withdrawn' },
    { outcome: 'acquitted' },
  ],
  CloseCase: [{ reason: 'unfounded' }, { reason: 'deceased', notes: 'PII died' }],
  ReopenCase: [bodies.reopen],
  LinkDuplicate: [bodies.link, { duplicateOf: CASE_ID }],
  CorrectDetails: [
    bodies.correct,
    { changes: { ageBand: '35-44', country: 'LA' }, reason: 'other' },
  ],
  ErasePersonalData: [bodies.erase],
  OfferHandover: [
    { toAgency: 'wisma-putra' },
    { toAgency: 'mapo', note: 'PII note' },
    { toAgency: 'pdrm' },
  ],
  AcceptHandover: [bodies.accept],
  RejectHandover: [bodies.reject],
  RevokeHandover: [bodies.revoke],
};

const duplicateTargets = [histories.reported, histories.duplicate, histories.unreported].map(
  stateOf,
);

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...caseCommandTypes),
  variant: fc.nat(9),
  agency: fc.constantFrom(...Object.values(OperationalAgency)),
  hoursAgo: fc.nat(24 * 400),
  knownHandover: fc.boolean(),
  target: fc.nat(2),
});
type Step = {
  type: CaseCommandType;
  variant: number;
  agency: Agency;
  hoursAgo: number;
  knownHandover: boolean;
  target: number;
};

let offerCount = 0;
function materialize(
  state: CaseState,
  step: Step,
): { command: CaseCommand; context: DecisionContext } {
  const variants = bodyVariants[step.type];
  const body = {
    ...(variants[step.variant % variants.length] as object),
    occurredAt: new Date(Date.parse(NOW) - step.hoursAgo * 3_600_000).toISOString(),
  };
  const open = state.status === 'unreported' ? undefined : state.openHandover?.handoverId;
  const handoverId = step.knownHandover && open ? open : HANDOVER_ID;
  const params = ['AcceptHandover', 'RejectHandover', 'RevokeHandover'].includes(step.type)
    ? { handoverId }
    : undefined;
  offerCount += 1;
  const context = contextWith({
    actor: { agency: step.agency as Agency, sub: 'prop' },
    handoverId: `01JBK3C45EH${String(offerCount % 1e15).padStart(15, '0')}`,
    duplicateTarget: duplicateTargets[step.target],
  });
  return { command: command(step.type, body, params) as CaseCommand, context };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const ONE_SHOT = new Set<CaseCommandType>(
  caseCommandTypes.filter((t) => t !== 'RecordTracking' && t !== 'CorrectDetails'),
);
const CLOSED_OK = new Set<CaseCommandType>(['ReopenCase', 'ErasePersonalData', 'ReportCase']);
const classifications: Classification[] = [
  { status: 'presumed_victim', since: NOW, reversals: 0 },
  {
    status: 'confirmed_victim',
    basis: 'protection_order',
    decidingAgency: 'mapo',
    since: NOW,
    reversals: 0,
  },
  {
    status: 'reclassified',
    role: 'operator',
    basis: 'admission',
    decidingAgency: 'pdrm',
    since: NOW,
    reversals: 1,
  },
];

/** Rules about one decision, given the state it was taken on. */
function checkDecision(
  before: CaseState,
  command: CaseCommand,
  context: DecisionContext,
  decision: Decision,
) {
  if (before.status === 'closed' && !CLOSED_OK.has(command.type)) {
    expect(decision).toMatchObject({ ok: false, error: { code: 'CaseClosed' } });
  }
  if (!decision.ok || before.status === 'unreported') return;
  const types = decision.events.map((e) => e.type);
  if (types.includes('PersonProsecuted')) expect(before.classification.status).toBe('reclassified');
  if (types.includes('HandoverOffered')) expect(before.openHandover).toBeUndefined();
  if (types.includes('HandoverAccepted') || types.includes('HandoverRejected')) {
    expect(context.actor.agency).toBe(before.openHandover?.toAgency);
  }
  if (types.includes('HandoverRevoked'))
    expect(context.actor.agency).toBe(before.openHandover?.fromAgency);
  if (types.includes('DuplicateLinked')) {
    expect(context.duplicateTarget).toMatchObject({ status: expect.stringMatching(/open|closed/) });
    expect(context.duplicateTarget).not.toHaveProperty('duplicateOf');
  }
}

/** Repatriation never depends on classification (nor on legal state). */
function checkRepatriationIgnoresClassification(
  state: ReportedCase,
  command: CaseCommand,
  context: DecisionContext,
) {
  if (command.type !== 'RecordRepatriation') return;
  const reference = decide(state, command, context);
  for (const classification of classifications) {
    const variant = {
      ...state,
      classification,
      legal: { status: 'none' as const, prosecutions: [] },
    };
    expect(decide(variant, command, context)).toEqual(reference);
  }
}

function run(steps: readonly Step[]) {
  let state: CaseState = deepFreeze(stateOf([]));
  const records: StoredEventRecord[] = [];
  for (const step of [{ ...steps[0]!, type: 'ReportCase' as const }, ...steps]) {
    const { command, context } = materialize(state, step);
    const decision = decide(state, command, context);
    expect(decide(state, command, context)).toEqual(decision);
    checkDecision(state, command, context, decision);
    if (state.status !== 'unreported')
      checkRepatriationIgnoresClassification(state, command, context);
    if (!decision.ok) continue;
    expect(decision.events.length).toBeGreaterThan(0);
    const meta = { occurredAt: decision.occurredAt, agency: context.actor.agency };
    for (const e of decision.events) {
      expect(parseCaseEvent(e)).toEqual({ ok: true, value: e });
      expect(JSON.parse(JSON.stringify(e))).toEqual(e);
      state = deepFreeze(evolve(state, e, meta));
      records.push(stored(e, meta.occurredAt, meta.agency));
    }
    expect(caseInvariantViolations(state)).toEqual([]);
    if (ONE_SHOT.has(command.type)) expect(decide(state, command, context).ok).toBe(false);
    const json = JSON.stringify(state);
    for (const marker of PERSONAL_MARKERS) expect(json).not.toContain(marker);
  }
  return { state, records };
}

/** As the store would hold it after the personal-data package sealed it (or erased it). */
function stored(e: CaseEvent, occurredAt: string, agency: string): StoredEventRecord {
  const sealed = mapEventPersonalData(e, (_, path) =>
    path.length % 2 ? { $sealed: 'x' } : undefined,
  );
  return {
    ...sealed,
    schemaVersion: caseEventRegistry[e.type].schemaVersion,
    metadata: { occurredAt, actor: { agency } },
  };
}

describe('decide and evolve over random command sequences', () => {
  it('keep every lifecycle rule after every step, and decide only on the evolved state', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), (steps) => {
        run(steps);
      }),
      { numRuns: 250 },
    );
  }, 120_000);

  it('rebuild the same state from the sealed, stored stream', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), (steps) => {
        const { state, records } = run(steps);
        expect(caseStateFromHistory(records)).toEqual(state);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('reach every kind of event (the generators are not stuck in one corner)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 20, maxLength: 60 }), (steps) => {
        for (const r of run(steps).records) seen.add(r.type);
      }),
      { numRuns: 200, seed: 42 },
    );
    expect([...seen].sort()).toEqual(Object.keys(caseEventRegistry).sort());
  }, 120_000);
});

describe('decide', () => {
  it('refuses every command but reporting on a case that does not exist', () => {
    for (const type of caseCommandTypes.filter((t) => t !== 'ReportCase')) {
      const { command: cmd, context } = materialize(stateOf([]), {
        type,
        variant: 0,
        agency: 'pdrm',
        hoursAgo: 1,
        knownHandover: false,
        target: 0,
      });
      expect(decide(stateOf([]), cmd, context)).toMatchObject({
        ok: false,
        error: { code: 'CaseNotFound' },
      });
    }
  });

  it('never echoes the personal data of a command it refuses', () => {
    const decision = decide(
      stateOf(histories.closed),
      command('RecordTracking', bodies.tracking),
      contextWith(),
    );
    expect(decision).toMatchObject({ ok: false, error: { code: 'CaseClosed' } });
    for (const marker of PERSONAL_MARKERS) expect(JSON.stringify(decision)).not.toContain(marker);
  });
});
