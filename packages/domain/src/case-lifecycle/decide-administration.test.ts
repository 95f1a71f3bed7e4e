import { describe, expect, it } from 'vitest';
import { MissingDecisionContextError } from '../domain-errors.ts';
import {
  bodies,
  caseReportedEvent,
  command,
  context,
  event,
  HANDOVER_ID,
  OTHER_CASE_ID,
} from '../testing/case-fixtures.ts';
import { histories as h } from '../testing/case-histories.ts';
import { given, stateOf } from '../testing/decider-specification.ts';
import { decide } from './decide.ts';

describe('ReportCase', () => {
  it('opens the case, deriving the age band from the birth date on the day of the report', () => {
    given(h.unreported).when(command('ReportCase', bodies.reportCase)).then([caseReportedEvent()]);
  });

  it('takes the age on the business date of the report, not on the day it is recorded', () => {
    const body = { ...bodies.reportCase, occurredAt: '2015-06-01T00:00:00Z' };
    const { person, ...rest } = bodies.reportCase;
    given(h.unreported)
      .when(command('ReportCase', body))
      .then([event('CaseReported', { ...rest, person: { ...person, ageBand: '25-34' } })]);
    const younger = { ...body, occurredAt: '2008-06-01T00:00:00Z' };
    given(h.unreported)
      .when(command('ReportCase', younger))
      .then([event('CaseReported', { ...rest, person: { ...person, ageBand: '18-24' } })]);
  });

  it('accepts an age band that matches the birth date, and one given without a birth date', () => {
    const { birthDate: _, ...person } = bodies.reportCase.person;
    const withBand = {
      ...bodies.reportCase,
      person: { ...bodies.reportCase.person, ageBand: '25-34' },
    };
    given(h.unreported).when(command('ReportCase', withBand)).then([caseReportedEvent()]);
    const noBirthDate = { ...bodies.reportCase, person: { ...person, ageBand: '45-54' } };
    given(h.unreported)
      .when(command('ReportCase', noBirthDate))
      .then([event('CaseReported', noBirthDate)]);
  });

  it('refuses a contradicting age band, naming the field', () => {
    const body = { ...bodies.reportCase, person: { ...bodies.reportCase.person, ageBand: '0-17' } };
    const error = given(h.unreported)
      .when(command('ReportCase', body))
      .thenRefuses('AgeBandMismatch');
    expect(error.field).toBe('person.ageBand');
  });

  it('refuses a second report under the same case id', () => {
    given(h.closed).when(command('ReportCase', bodies.reportCase)).thenRefuses('CaseAlreadyExists');
  });
});

describe('CloseCase and ReopenCase', () => {
  it.each(['unfounded', 'deceased', 'withdrawn'] as const)(
    'closes an open case as %s',
    (reason) => {
      given(h.tracked)
        .when(command('CloseCase', { reason }))
        .then([event('CaseClosed', { reason })]);
    },
  );

  it('refuses to close a closed case, or one with an open hand-over offer', () => {
    given(h.closed).when(command('CloseCase', bodies.close)).thenRefuses('CaseClosed');
    given(h.offered).when(command('CloseCase', bodies.close)).thenRefuses('HandoverPending');
  });

  it('a closed case accepts only reopening (and erasure)', () => {
    given(h.closed)
      .when(command('ReopenCase', bodies.reopen))
      .then([event('CaseReopened', bodies.reopen)]);
    given(h.closed)
      .when(command('ErasePersonalData', bodies.erase))
      .then([event('PersonalDataErased', bodies.erase)]);
    given(h.closed)
      .when(command('OfferHandover', bodies.offer), { handoverId: HANDOVER_ID })
      .thenRefuses('CaseClosed');
  });

  it('reopening a duplicate ends the duplicate link', () => {
    const reopened = given(h.duplicate).when(command('ReopenCase', { reason: 'not_a_duplicate' }));
    reopened.then([event('CaseReopened', { reason: 'not_a_duplicate' })]);
    const state = stateOf([...h.duplicate, event('CaseReopened', { reason: 'not_a_duplicate' })]);
    expect(state).toMatchObject({ status: 'open' });
    expect(state).not.toHaveProperty('duplicateOf');
    expect(state).not.toHaveProperty('closure');
  });

  it('refuses to reopen an open case', () => {
    given(h.reported).when(command('ReopenCase', bodies.reopen)).thenRefuses('CaseNotClosed');
  });
});

describe('LinkDuplicate', () => {
  it('links to a case that is not a duplicate and closes this one as a duplicate', () => {
    given(h.tracked)
      .when(command('LinkDuplicate', bodies.link), { duplicateTarget: stateOf(h.rescued) })
      .then([
        event('DuplicateLinked', { duplicateOf: OTHER_CASE_ID }),
        event('CaseClosed', { reason: 'duplicate' }),
      ]);
  });

  it('accepts a target that was a duplicate once but was reopened', () => {
    const reopened = [...h.duplicate, event('CaseReopened', { reason: 'not_a_duplicate' })];
    given(h.reported)
      .when(command('LinkDuplicate', bodies.link), { duplicateTarget: stateOf(reopened) })
      .then([
        event('DuplicateLinked', { duplicateOf: OTHER_CASE_ID }),
        event('CaseClosed', { reason: 'duplicate' }),
      ]);
  });

  it.each([
    ['the target is a duplicate', h.reported, h.duplicate, 'DuplicateTargetIsDuplicate'],
    ['the target does not exist', h.reported, h.unreported, 'DuplicateTargetNotFound'],
    ['this case is closed', h.closed, h.reported, 'CaseClosed'],
    ['a hand-over is open', h.offered, h.reported, 'HandoverPending'],
  ] as const)('is refused when %s', (_, history, target, code) => {
    given(history)
      .when(command('LinkDuplicate', bodies.link), { duplicateTarget: stateOf(target) })
      .thenRefuses(code);
  });

  it('throws when the caller did not load the target (a programming error)', () => {
    expect(() =>
      decide(stateOf(h.reported), command('LinkDuplicate', bodies.link), context()),
    ).toThrow(MissingDecisionContextError);
  });
});

describe('CorrectDetails', () => {
  it('records personal and non-personal corrections with a reason', () => {
    const body = {
      changes: { fullName: 'PII A. bin Abdullah', reportSource: 'friend' },
      reason: 'data_entry_error',
    };
    given(h.tracked)
      .when(command('CorrectDetails', body))
      .then([event('DetailsCorrected', body)]);
  });

  it('derives the age band from a corrected birth date, on the day of the report', () => {
    const body = { changes: { birthDate: '2008-01-01' }, reason: 'new_information' };
    given(h.reported)
      .when(command('CorrectDetails', body))
      .then([
        event('DetailsCorrected', {
          ...body,
          changes: { birthDate: '2008-01-01', ageBand: '0-17' },
        }),
      ]);
    const wrong = {
      changes: { birthDate: '2008-01-01', ageBand: '18-24' },
      reason: 'new_information',
    };
    const error = given(h.reported)
      .when(command('CorrectDetails', wrong))
      .thenRefuses('AgeBandMismatch');
    expect(error.field).toBe('changes.ageBand');
  });

  it('after erasure accepts non-personal corrections only', () => {
    const band = { changes: { ageBand: '35-44' }, reason: 'new_information' };
    given(h.erased)
      .when(command('CorrectDetails', band))
      .then([event('DetailsCorrected', band)]);
    given(h.erased)
      .when(command('CorrectDetails', bodies.correct))
      .thenRefuses('PersonalDataErased');
  });

  it('is refused on a closed case', () => {
    given(h.closed).when(command('CorrectDetails', bodies.correct)).thenRefuses('CaseClosed');
  });
});

describe('ErasePersonalData', () => {
  it('erases once, on open and closed cases alike', () => {
    for (const history of [h.reported, h.closed, h.concluded]) {
      given(history)
        .when(command('ErasePersonalData', bodies.erase))
        .then([event('PersonalDataErased', bodies.erase)]);
    }
    given(h.erased)
      .when(command('ErasePersonalData', bodies.erase))
      .thenRefuses('PersonalDataAlreadyErased');
  });

  it('afterwards, commands without personal data go on; personal data is refused', () => {
    const bare = { location: { country: 'KH' } };
    given(h.erased)
      .when(command('RecordTracking', bare))
      .then([event('PersonTracked', bare)]);
    given(h.erased)
      .when(command('RecordTracking', bodies.tracking))
      .thenRefuses('PersonalDataErased');
  });
});
