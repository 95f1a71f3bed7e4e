import { bodies, caseReportedEvent, event, HANDOVER_ID, OTHER_CASE_ID } from './case-fixtures.ts';
import type { Given } from './decider-specification.ts';

/** Case histories (event streams) in the states the decider tests start from. */
const reported: Given[] = [caseReportedEvent()];
const tracked: Given[] = [...reported, event('PersonTracked', bodies.tracking)];
const rescued: Given[] = [...tracked, event('PersonRescued', bodies.rescue)];
const repatriated: Given[] = [...rescued, event('PersonRepatriated', bodies.repatriation)];
const reDeparted: Given[] = [...repatriated, event('PersonReDeparted', bodies.reDeparture)];
const closed: Given[] = [...reported, event('CaseClosed', { reason: 'unfounded' })];
const confirmed: Given[] = [
  ...reported,
  event('VictimConfirmed', { basis: 'protection_order', decidingAgency: 'mapo' }),
];
const reclassified: Given[] = [
  ...reported,
  event('PersonReclassified', { role: 'operator', basis: 'investigation', decidingAgency: 'pdrm' }),
];
const reversed: Given[] = [
  ...reclassified,
  event('ReclassificationReversed', {
    reasons: ['forced_criminality'],
    previousRole: 'operator',
    decidingAgency: 'mapo',
  }),
];
const prosecuted: Given[] = [...reclassified, event('PersonProsecuted', bodies.prosecution)];
const concluded: Given[] = [
  ...prosecuted,
  event('ProsecutionConcluded', {
    outcome: 'convicted',
    courtReference: bodies.prosecution.courtReference,
  }),
];
const offered: Given[] = [
  ...reported,
  {
    event: event('HandoverOffered', {
      handoverId: HANDOVER_ID,
      fromAgency: 'pdrm',
      toAgency: 'wisma-putra',
    }),
    meta: { agency: 'pdrm' },
  },
];
const duplicate: Given[] = [
  ...reported,
  event('DuplicateLinked', { duplicateOf: OTHER_CASE_ID }),
  event('CaseClosed', { reason: 'duplicate' }),
];
const erased: Given[] = [...reported, event('PersonalDataErased', { basis: 'court_order' })];

export const histories = {
  unreported: [] as Given[],
  reported,
  tracked,
  rescued,
  repatriated,
  reDeparted,
  closed,
  confirmed,
  reclassified,
  reversed,
  prosecuted,
  concluded,
  offered,
  duplicate,
  erased,
};
