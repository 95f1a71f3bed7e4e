import { describe, expect, it } from 'vitest';
import { MissingDecisionContextError } from '../domain-errors.ts';
import { bodies, command, context, event, HANDOVER_ID } from '../testing/case-fixtures.ts';
import { histories as h } from '../testing/case-histories.ts';
import { given, stateOf } from '../testing/decider-specification.ts';
import { decide } from './decide.ts';

const as = (agency: 'pdrm' | 'wisma-putra' | 'mapo') => ({
  actor: { agency, sub: `${agency}-desk` },
});
const params = { handoverId: HANDOVER_ID };
const parties = { handoverId: HANDOVER_ID, fromAgency: 'pdrm', toAgency: 'wisma-putra' };
const NEXT_ID = '01JBK3C45EH000000000000002';

describe('OfferHandover', () => {
  it('offers the case under the id from the context, from the calling agency', () => {
    given(h.tracked)
      .when(command('OfferHandover', bodies.offer), { ...as('pdrm'), handoverId: HANDOVER_ID })
      .then([event('HandoverOffered', { ...parties, reason: 'repatriation' })]);
  });

  it('allows a new offer once the previous one was answered or revoked', () => {
    const answered = [
      ...h.offered,
      { event: event('HandoverRejected', parties), meta: { agency: 'wisma-putra' as const } },
    ];
    given(answered)
      .when(command('OfferHandover', { toAgency: 'mapo' }), { ...as('pdrm'), handoverId: NEXT_ID })
      .then([
        event('HandoverOffered', { handoverId: NEXT_ID, fromAgency: 'pdrm', toAgency: 'mapo' }),
      ]);
  });

  it.each([
    ['to the offering agency itself', h.reported, { toAgency: 'pdrm' }, 'HandoverToSelf'],
    ['while another offer is open', h.offered, { toAgency: 'mapo' }, 'HandoverAlreadyOpen'],
    ['on a closed case', h.closed, { toAgency: 'mapo' }, 'CaseClosed'],
  ] as const)('is refused %s', (_, history, body, code) => {
    given(history)
      .when(command('OfferHandover', body), { ...as('pdrm'), handoverId: NEXT_ID })
      .thenRefuses(code);
  });

  it('throws without a generated hand-over id (a programming error)', () => {
    expect(() =>
      decide(stateOf(h.reported), command('OfferHandover', bodies.offer), context()),
    ).toThrow(MissingDecisionContextError);
  });
});

describe('AcceptHandover and RejectHandover', () => {
  it('the receiving agency accepts, and then leads the case', () => {
    given(h.offered)
      .when(command('AcceptHandover', bodies.accept, params), as('wisma-putra'))
      .then([event('HandoverAccepted', parties)]);
    const state = stateOf([
      ...h.offered,
      { event: event('HandoverAccepted', parties), meta: { agency: 'wisma-putra' } },
    ]);
    expect(state).toMatchObject({
      leadAgency: 'wisma-putra',
      agenciesInvolved: ['pdrm', 'wisma-putra'],
    });
    expect(state).not.toHaveProperty('openHandover');
  });

  it('the receiving agency rejects, with a reason', () => {
    given(h.offered)
      .when(command('RejectHandover', bodies.reject, params), as('wisma-putra'))
      .then([event('HandoverRejected', { ...parties, reason: 'no_capacity' })]);
  });

  it.each([
    ['AcceptHandover', bodies.accept],
    ['RejectHandover', bodies.reject],
  ] as const)('%s is refused to any other agency, the offerer included', (type, body) => {
    for (const agency of ['pdrm', 'mapo'] as const) {
      given(h.offered)
        .when(command(type, body, params), as(agency))
        .thenRefuses('NotHandoverRecipient');
    }
  });

  it.each([
    ['no offer is open', h.reported, params],
    ['the id is not the open offer', h.offered, { handoverId: NEXT_ID }],
  ])('is refused when %s', (_, history, p) => {
    given(history)
      .when(command('AcceptHandover', bodies.accept, p), as('wisma-putra'))
      .thenRefuses('HandoverNotOpen');
  });
});

describe('RevokeHandover', () => {
  it('the offering agency revokes its open offer', () => {
    given(h.offered)
      .when(command('RevokeHandover', bodies.revoke, params), as('pdrm'))
      .then([event('HandoverRevoked', parties)]);
  });

  it('is refused to the receiving agency, and when no such offer is open', () => {
    given(h.offered)
      .when(command('RevokeHandover', bodies.revoke, params), as('wisma-putra'))
      .thenRefuses('NotHandoverOfferer');
    given(h.reported)
      .when(command('RevokeHandover', bodies.revoke, params), as('pdrm'))
      .thenRefuses('HandoverNotOpen');
  });
});
