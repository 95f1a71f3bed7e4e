import type { CaseCommandOf } from '../commands/case-command-registry.ts';
import { MissingDecisionContextError } from '../domain-errors.ts';
import type { CaseEvent } from '../events/case-event-registry.ts';
import type { OpenHandover, ReportedCase } from './case-state.ts';
import type { DecisionInput } from './decision-context.ts';
import { accept, type Outcome, refuse } from './decision-error.ts';

/**
 * Hand-over rules: one open offer at a time; only the receiving agency accepts or rejects,
 * only the offering agency revokes. Any agency allowed by policy may offer.
 */

export function decideOffer(
  s: ReportedCase,
  { data }: CaseCommandOf<'OfferHandover'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  const handoverId = context.handoverId;
  if (handoverId === undefined)
    throw new MissingDecisionContextError('OfferHandover', 'handoverId');
  if (data.toAgency === context.actor.agency) {
    return refuse('HandoverToSelf', 'an agency cannot offer a case to itself', 'toAgency');
  }
  if (s.openHandover !== undefined) {
    return refuse(
      'HandoverAlreadyOpen',
      `an offer to ${s.openHandover.toAgency} is open; it must be answered or revoked first`,
    );
  }
  const parties = { handoverId, fromAgency: context.actor.agency, toAgency: data.toAgency };
  return accept({
    type: 'HandoverOffered',
    data: { ...parties, reason: data.reason, note: data.note },
  });
}

type Answer = CaseCommandOf<'AcceptHandover'> | CaseCommandOf<'RejectHandover'>;

export function decideAnswer(
  s: ReportedCase,
  command: Answer,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  const open = openOffer(s, command.handoverId);
  if (!open.ok) return open;
  const { handoverId, fromAgency, toAgency } = open.offer;
  if (context.actor.agency !== toAgency) {
    return refuse(
      'NotHandoverRecipient',
      `only ${toAgency}, the receiving agency, may answer this offer`,
    );
  }
  const parties = { handoverId, fromAgency, toAgency };
  if (command.type === 'AcceptHandover') return accept({ type: 'HandoverAccepted', data: parties });
  const { reason, note } = command.data;
  return accept({ type: 'HandoverRejected', data: { ...parties, reason, note } });
}

export function decideRevocation(
  s: ReportedCase,
  command: CaseCommandOf<'RevokeHandover'>,
  { context }: DecisionInput,
): Outcome<CaseEvent> {
  const open = openOffer(s, command.handoverId);
  if (!open.ok) return open;
  const { handoverId, fromAgency, toAgency } = open.offer;
  if (context.actor.agency !== fromAgency) {
    return refuse(
      'NotHandoverOfferer',
      `only ${fromAgency}, the offering agency, may revoke this offer`,
    );
  }
  return accept({
    type: 'HandoverRevoked',
    data: { handoverId, fromAgency, toAgency, note: command.data.note },
  });
}

function openOffer(s: ReportedCase, handoverId: string) {
  const offer: OpenHandover | undefined = s.openHandover;
  if (offer === undefined || offer.handoverId !== handoverId) {
    return refuse('HandoverNotOpen', 'there is no open hand-over offer with this id');
  }
  return { ok: true, offer } as const;
}
