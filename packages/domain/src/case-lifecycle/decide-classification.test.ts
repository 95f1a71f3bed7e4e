import { describe, it } from 'vitest';
import { bodies, command, event } from '../testing/case-fixtures.ts';
import { histories as h } from '../testing/case-histories.ts';
import { given } from '../testing/decider-specification.ts';

const pdrm = { actor: { agency: 'pdrm', sub: 'io-1' } } as const;
const mapo = { actor: { agency: 'mapo', sub: 'sec-1' } } as const;

describe('ReclassifyPerson', () => {
  const reclassified = (decidingAgency: string) =>
    event('PersonReclassified', { ...bodies.reclassify, decidingAgency });

  it.each([
    ['a presumed victim', h.reported],
    ['a confirmed victim', h.confirmed],
    ['a person whose reclassification was reversed', h.reversed],
    ['a person already home', h.repatriated],
  ])('reclassifies %s; the deciding agency defaults to the recorder', (_, history) => {
    given(history)
      .when(command('ReclassifyPerson', bodies.reclassify), mapo)
      .then([reclassified('mapo')]);
  });

  it('records the deciding agency when another agency decided', () => {
    given(h.reported)
      .when(command('ReclassifyPerson', { ...bodies.reclassify, decidingAgency: 'pdrm' }), mapo)
      .then([reclassified('pdrm')]);
  });

  it.each([
    ['already reclassified', h.reclassified, 'AlreadyReclassified'],
    ['prosecuted', h.prosecuted, 'AlreadyReclassified'],
    ['closed', h.closed, 'CaseClosed'],
    ['not reported', h.unreported, 'CaseNotFound'],
  ] as const)('is refused when the person is %s', (_, history, code) => {
    given(history).when(command('ReclassifyPerson', bodies.reclassify)).thenRefuses(code);
  });
});

describe('ConfirmVictim', () => {
  const confirmed = event('VictimConfirmed', { basis: 'protection_order', decidingAgency: 'pdrm' });

  it.each([
    ['a presumed victim', h.reported],
    ['a person whose reclassification was reversed', h.reversed],
  ])('confirms %s', (_, history) => {
    given(history).when(command('ConfirmVictim', bodies.confirmVictim), pdrm).then([confirmed]);
  });

  it.each([
    ['already confirmed', h.confirmed, 'AlreadyConfirmedVictim'],
    ['reclassified', h.reclassified, 'AlreadyReclassified'],
    ['closed', h.closed, 'CaseClosed'],
  ] as const)('is refused when the person is %s', (_, history, code) => {
    given(history).when(command('ConfirmVictim', bodies.confirmVictim)).thenRefuses(code);
  });
});

describe('ReverseReclassification', () => {
  const reversed = event('ReclassificationReversed', {
    ...bodies.reverse,
    previousRole: 'operator',
    decidingAgency: 'mapo',
  });

  it.each([
    ['reclassified', h.reclassified],
    ['reclassified and the prosecution concluded', h.concluded],
  ])('reverses when the person is %s, naming the role reversed', (_, history) => {
    given(history).when(command('ReverseReclassification', bodies.reverse), mapo).then([reversed]);
  });

  it.each([
    ['a presumed victim', h.reported, 'NotReclassified'],
    ['a confirmed victim', h.confirmed, 'NotReclassified'],
    ['already reversed', h.reversed, 'NotReclassified'],
    ['under an open prosecution', h.prosecuted, 'OpenProsecution'],
    ['in a closed case', h.closed, 'CaseClosed'],
  ] as const)('is refused for %s', (_, history, code) => {
    given(history).when(command('ReverseReclassification', bodies.reverse)).thenRefuses(code);
  });
});
