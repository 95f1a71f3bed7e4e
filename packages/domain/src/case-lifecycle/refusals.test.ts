import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../commands/case-command-registry.ts';
import { bodies, CASE_ID, command, HANDOVER_ID, NOW } from '../testing/case-fixtures.ts';
import { histories } from '../testing/case-histories.ts';
import { type Given, given, stateOf } from '../testing/decider-specification.ts';
import type { DecisionContext } from './decision-context.ts';
import {
  type DecisionErrorCode,
  decisionErrorCategories,
  decisionErrorCodes,
} from './decision-error.ts';

/**
 * One scenario per refusal code. The table is a Record over every code, so adding a code
 * without a scenario does not compile; each scenario must produce exactly its code.
 */
type Scenario = {
  readonly history: readonly Given[];
  readonly command: () => CaseCommand;
  readonly context?: Partial<DecisionContext>;
};

const h = histories;
const answer = { handoverId: HANDOVER_ID };
const inFuture = '2024-10-29T08:06:00Z';

const scenarios: Record<DecisionErrorCode, Scenario> = {
  CaseNotFound: { history: h.unreported, command: () => command('RecordRescue', bodies.rescue) },
  CaseAlreadyExists: {
    history: h.reported,
    command: () => command('ReportCase', bodies.reportCase),
  },
  CaseClosed: { history: h.closed, command: () => command('RecordTracking', bodies.tracking) },
  CaseNotClosed: { history: h.reported, command: () => command('ReopenCase', bodies.reopen) },
  OccurredInFuture: {
    history: h.reported,
    command: () => command('RecordRescue', { ...bodies.rescue, occurredAt: inFuture }),
  },
  BirthDateAfterReport: {
    history: h.unreported,
    command: () =>
      command('ReportCase', {
        ...bodies.reportCase,
        person: { fullName: 'PII X', birthDate: '2024-12-01' },
      }),
  },
  AgeBandMismatch: {
    history: h.unreported,
    command: () =>
      command('ReportCase', {
        ...bodies.reportCase,
        person: { ...bodies.reportCase.person, ageBand: '55+' },
      }),
  },
  AlreadyRescued: { history: h.rescued, command: () => command('RecordRescue', bodies.rescue) },
  CaseAlreadyRepatriated: {
    history: h.repatriated,
    command: () => command('RecordRepatriation', bodies.selfReturn),
  },
  RescueNotRecorded: {
    history: h.tracked,
    command: () => command('RecordRepatriation', bodies.repatriation),
  },
  NotRepatriated: {
    history: h.rescued,
    command: () => command('RecordReDeparture', bodies.reDeparture),
  },
  AlreadyReclassified: {
    history: h.reclassified,
    command: () => command('ReclassifyPerson', bodies.reclassify),
  },
  AlreadyConfirmedVictim: {
    history: h.confirmed,
    command: () => command('ConfirmVictim', bodies.confirmVictim),
  },
  NotReclassified: {
    history: h.reported,
    command: () => command('ReverseReclassification', bodies.reverse),
  },
  OpenProsecution: {
    history: h.prosecuted,
    command: () => command('ReverseReclassification', bodies.reverse),
  },
  ProsecutionRequiresReclassification: {
    history: h.reported,
    command: () => command('RecordProsecution', bodies.prosecution),
  },
  ImmunityUnderAtipsomS25: {
    history: h.confirmed,
    command: () => command('RecordProsecution', bodies.immuneProsecution),
  },
  ProsecutionAlreadyOpen: {
    history: h.prosecuted,
    command: () => command('RecordProsecution', bodies.prosecution),
  },
  NoOpenProsecution: {
    history: h.concluded,
    command: () => command('RecordProsecutionOutcome', bodies.outcome),
  },
  CannotDuplicateItself: {
    history: h.reported,
    command: () => command('LinkDuplicate', { duplicateOf: CASE_ID }),
    context: { duplicateTarget: stateOf(h.reported) },
  },
  DuplicateTargetNotFound: {
    history: h.reported,
    command: () => command('LinkDuplicate', bodies.link),
    context: { duplicateTarget: stateOf(h.unreported) },
  },
  DuplicateTargetIsDuplicate: {
    history: h.reported,
    command: () => command('LinkDuplicate', bodies.link),
    context: { duplicateTarget: stateOf(h.duplicate) },
  },
  HandoverPending: { history: h.offered, command: () => command('CloseCase', bodies.close) },
  HandoverAlreadyOpen: {
    history: h.offered,
    command: () => command('OfferHandover', { toAgency: 'mapo' }),
    context: { handoverId: '01JBK3C45EH000000000000002' },
  },
  HandoverToSelf: {
    history: h.reported,
    command: () => command('OfferHandover', { toAgency: 'pdrm' }),
    context: { handoverId: HANDOVER_ID },
  },
  HandoverNotOpen: {
    history: h.reported,
    command: () => command('AcceptHandover', bodies.accept, answer),
    context: { actor: { agency: 'wisma-putra', sub: 'desk-1' } },
  },
  NotHandoverRecipient: {
    history: h.offered,
    command: () => command('AcceptHandover', bodies.accept, answer),
    context: { actor: { agency: 'mapo', sub: 'desk-1' } },
  },
  NotHandoverOfferer: {
    history: h.offered,
    command: () => command('RevokeHandover', bodies.revoke, answer),
    context: { actor: { agency: 'wisma-putra', sub: 'desk-1' } },
  },
  PersonalDataErased: {
    history: h.erased,
    command: () => command('CorrectDetails', bodies.correct),
  },
  PersonalDataAlreadyErased: {
    history: h.erased,
    command: () => command('ErasePersonalData', bodies.erase),
  },
};

describe('every refusal code', () => {
  it('has a scenario and a category', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...decisionErrorCodes].sort());
    for (const code of decisionErrorCodes) {
      expect(['not-found', 'conflict', 'forbidden', 'invalid']).toContain(
        decisionErrorCategories[code],
      );
    }
  });

  it.each(decisionErrorCodes)(
    '%s is refused with its own code, no events, no personal data',
    (code) => {
      const scenario = scenarios[code];
      const error = given(scenario.history)
        .when(scenario.command(), { now: NOW, ...scenario.context })
        .thenRefuses(code);
      expect(error.message.length).toBeGreaterThan(10);
      if (decisionErrorCategories[code] === 'invalid') expect(error.field).toBeTypeOf('string');
    },
  );
});
