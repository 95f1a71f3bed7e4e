import { describe, expect, it } from 'vitest';
import { bodies, command, event } from '../testing/case-fixtures.ts';
import { histories as h } from '../testing/case-histories.ts';
import { given } from '../testing/decider-specification.ts';

const charge = (act: string, ...sections: string[]) => ({
  act,
  sections,
  court: 'Magistrates Court Johor Bahru',
  courtReference: 'JB-83-1-11/2024',
});

describe('RecordProsecution', () => {
  it('records charges against a reclassified person', () => {
    given(h.reclassified)
      .when(command('RecordProsecution', bodies.prosecution))
      .then([event('PersonProsecuted', bodies.prosecution)]);
  });

  it('allows a new prosecution once the previous one concluded', () => {
    const second = charge('amla_2001', '4(1)');
    given(h.concluded)
      .when(command('RecordProsecution', second))
      .then([event('PersonProsecuted', second)]);
  });

  it('does not apply s.25 immunity to a reclassified person', () => {
    const entry = charge('immigration_act_1959_63', '6(1)(c)');
    given(h.reclassified)
      .when(command('RecordProsecution', entry))
      .then([event('PersonProsecuted', entry)]);
  });

  it.each([
    ['illegal entry', charge('immigration_act_1959_63', '6(1)(c)')],
    ['unlawful presence', charge('immigration_act_1959_63', '15(1)(c)')],
    ['fraudulent travel documents', charge('passports_act_1966', '12(1)(f)')],
    ['one immune section among others', charge('immigration_act_1959_63', '55B', '6(3)')],
  ])('refuses %s charges while the person is a victim (presumed or confirmed)', (_, body) => {
    for (const history of [h.reported, h.confirmed, h.reversed]) {
      const error = given(history)
        .when(command('RecordProsecution', body))
        .thenRefuses('ImmunityUnderAtipsomS25');
      expect(error.field).toBe('sections');
    }
  });

  it.each([
    ['a presumed victim', h.reported],
    ['a confirmed victim', h.confirmed],
    ['a person whose reclassification was reversed', h.reversed],
  ])('refuses other charges against %s: prosecution is for reclassified persons', (_, history) => {
    given(history)
      .when(command('RecordProsecution', bodies.prosecution))
      .thenRefuses('ProsecutionRequiresReclassification');
  });

  it.each([
    ['a prosecution is open', h.prosecuted, 'ProsecutionAlreadyOpen'],
    ['the case is closed', h.closed, 'CaseClosed'],
    ['there is no case', h.unreported, 'CaseNotFound'],
  ] as const)('is refused when %s', (_, history, code) => {
    given(history).when(command('RecordProsecution', bodies.prosecution)).thenRefuses(code);
  });
});

describe('RecordProsecutionOutcome', () => {
  it.each(['convicted', 'acquitted', 'discharged', 'withdrawn'] as const)(
    'concludes the open prosecution as %s, naming its court reference',
    (outcome) => {
      given(h.prosecuted)
        .when(command('RecordProsecutionOutcome', { outcome }))
        .then([
          event('ProsecutionConcluded', {
            outcome,
            courtReference: bodies.prosecution.courtReference,
          }),
        ]);
    },
  );

  it.each([
    ['never prosecuted', h.reclassified, 'NoOpenProsecution'],
    ['already concluded', h.concluded, 'NoOpenProsecution'],
    ['closed', h.closed, 'CaseClosed'],
  ] as const)('is refused when the case is %s', (_, history, code) => {
    given(history).when(command('RecordProsecutionOutcome', bodies.outcome)).thenRefuses(code);
  });
});
