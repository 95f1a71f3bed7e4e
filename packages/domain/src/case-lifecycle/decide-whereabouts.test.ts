import { describe, expect, it } from 'vitest';
import { bodies, command, event, NOW } from '../testing/case-fixtures.ts';
import { histories as h } from '../testing/case-histories.ts';
import { given } from '../testing/decider-specification.ts';

describe('RecordTracking', () => {
  const cmd = () => command('RecordTracking', bodies.tracking);
  const tracked = event('PersonTracked', bodies.tracking);

  it.each([
    ['reported', h.reported],
    ['tracked (updates repeat)', h.tracked],
    ['re-departed', h.reDeparted],
  ])('is recorded when the person is %s', (_, history) => {
    given(history).when(cmd()).then([tracked]);
  });

  it.each([
    ['rescued', h.rescued, 'AlreadyRescued'],
    ['repatriated', h.repatriated, 'CaseAlreadyRepatriated'],
    ['closed', h.closed, 'CaseClosed'],
    ['not reported', h.unreported, 'CaseNotFound'],
  ] as const)('is refused when the case is %s', (_, history, code) => {
    given(history).when(cmd()).thenRefuses(code);
  });
});

describe('RecordRescue', () => {
  const cmd = () => command('RecordRescue', bodies.rescue);

  it.each([
    ['reported', h.reported],
    ['tracked', h.tracked],
    ['re-departed', h.reDeparted],
  ])('is recorded when the person is %s', (_, history) => {
    given(history)
      .when(cmd())
      .then([event('PersonRescued', bodies.rescue)]);
  });

  it.each([
    ['rescued', h.rescued, 'AlreadyRescued'],
    ['repatriated', h.repatriated, 'CaseAlreadyRepatriated'],
    ['closed', h.closed, 'CaseClosed'],
    ['not reported', h.unreported, 'CaseNotFound'],
  ] as const)('is refused when the case is %s', (_, history, code) => {
    given(history).when(cmd()).thenRefuses(code);
  });
});

describe('RecordRepatriation', () => {
  const deportation = { route: 'deportation', fromCountry: 'MM' } as const;

  it('via rescue follows a recorded rescue', () => {
    given(h.rescued)
      .when(command('RecordRepatriation', bodies.repatriation))
      .then([event('PersonRepatriated', bodies.repatriation)]);
  });

  it.each([
    ['reported', h.reported],
    ['tracked', h.tracked],
    ['rescued', h.rescued],
    ['re-departed', h.reDeparted],
  ])('needs no rescue: deportation and self-return from %s', (_, history) => {
    given(history)
      .when(command('RecordRepatriation', deportation))
      .then([event('PersonRepatriated', deportation)]);
    given(history)
      .when(command('RecordRepatriation', bodies.selfReturn))
      .then([event('PersonRepatriated', bodies.selfReturn)]);
  });

  it.each([
    ['presumed victim', h.reported],
    ['confirmed victim', h.confirmed],
    ['reclassified', h.reclassified],
    ['prosecuted', h.prosecuted],
    ['convicted', h.concluded],
  ])('never depends on classification: a %s comes home', (_, history) => {
    given(history)
      .when(command('RecordRepatriation', bodies.selfReturn))
      .then([event('PersonRepatriated', bodies.selfReturn)]);
  });

  it.each([
    ['via rescue without a rescue', h.tracked, bodies.repatriation, 'RescueNotRecorded'],
    ['a second time', h.repatriated, bodies.selfReturn, 'CaseAlreadyRepatriated'],
    ['on a closed case', h.closed, bodies.selfReturn, 'CaseClosed'],
    ['on no case', h.unreported, bodies.selfReturn, 'CaseNotFound'],
  ] as const)('is refused %s', (_, history, body, code) => {
    given(history).when(command('RecordRepatriation', body)).thenRefuses(code);
  });
});

describe('RecordReDeparture', () => {
  const cmd = () => command('RecordReDeparture', bodies.reDeparture);

  it('follows a repatriation, and the person can come home again', () => {
    given(h.repatriated)
      .when(cmd())
      .then([event('PersonReDeparted', bodies.reDeparture)]);
    given(h.reDeparted)
      .when(command('RecordRepatriation', bodies.selfReturn))
      .then([event('PersonRepatriated', bodies.selfReturn)]);
  });

  it.each([
    ['reported', h.reported, 'NotRepatriated'],
    ['tracked', h.tracked, 'NotRepatriated'],
    ['rescued', h.rescued, 'NotRepatriated'],
    ['already re-departed', h.reDeparted, 'NotRepatriated'],
    ['closed', h.closed, 'CaseClosed'],
  ] as const)('is refused when the case is %s', (_, history, code) => {
    given(history).when(cmd()).thenRefuses(code);
  });
});

describe('business time', () => {
  it('defaults to now', () => {
    const decision = given(h.reported)
      .when(command('RecordRescue', bodies.rescue))
      .then([event('PersonRescued', bodies.rescue)]);
    expect(decision.occurredAt).toBe(NOW);
  });

  it('is taken from occurredAt and normalised to UTC, and never enters the event data', () => {
    const body = { ...bodies.rescue, occurredAt: '2024-10-20T09:30:00+08:00' };
    const decision = given(h.reported)
      .when(command('RecordRescue', body))
      .then([event('PersonRescued', bodies.rescue)]);
    expect(decision.occurredAt).toBe('2024-10-20T01:30:00.000Z');
  });

  it('may run a few minutes ahead of now (clock skew), not more', () => {
    const ahead = (minutes: number) => ({
      ...bodies.rescue,
      occurredAt: new Date(Date.parse(NOW) + minutes * 60_000).toISOString(),
    });
    given(h.reported)
      .when(command('RecordRescue', ahead(4)))
      .then([event('PersonRescued', bodies.rescue)]);
    given(h.reported)
      .when(command('RecordRescue', ahead(6)))
      .thenRefuses('OccurredInFuture');
  });
});
