/**
 * For each command: a valid body, and the steps that bring a fresh case into a state where
 * the command is allowed for a given agency (e.g. an open offer TO that agency before it can
 * accept). Tests drive them over real HTTP; steps are taken by agencies the default policy
 * allows, so only the command under test varies.
 */
import { type CaseCommandType, caseCommandRegistry, OperationalAgency } from '@casetrail/domain';
import type { RawAnswer, TestCaseService } from './case-service-fixture.ts';

export const reportBody = {
  person: {
    fullName: 'Siti Aminah binti Abdullah',
    myKadNumber: '900101-14-5678',
    ageBand: '35-44',
  },
  reporter: { name: 'Aminah binti Yusof', contact: { phone: '+60 12-345 6789' } },
  reportSource: 'family',
  country: 'KH',
  recruitmentChannel: 'online_job_advert',
  narrative: 'Left for a job in Phnom Penh in March; last message from Sihanoukville.',
} as const;

/** Personal values of `reportBody`: none may appear in logs, NATS or error messages. */
export const personalValues = [
  'Siti Aminah',
  '900101-14-5678',
  'Aminah binti Yusof',
  '+60 12-345 6789',
  'Sihanoukville',
];

export const sampleBodies: { readonly [K in CaseCommandType]: Readonly<Record<string, unknown>> } =
  {
    ReportCase: reportBody,
    RecordTracking: { location: { country: 'KH', locality: 'Sihanoukville' }, tracedVia: 'family' },
    RecordRescue: {
      country: 'KH',
      rescuedBy: 'foreign_authority',
      awaitingReturnAt: 'immigration_depot',
    },
    RecordRepatriation: { route: 'deportation', fromCountry: 'KH' },
    ReclassifyPerson: { role: 'operator', basis: 'investigation' },
    ConfirmVictim: { basis: 'protection_order' },
    ReverseReclassification: { reasons: ['forced_criminality'] },
    RecordProsecution: {
      act: 'penal_code',
      sections: ['420'],
      court: 'Sessions Court Kuala Lumpur',
      courtReference: 'WA-62R-1-01/2026',
    },
    RecordProsecutionOutcome: { outcome: 'convicted' },
    CloseCase: { reason: 'unfounded' },
    ReopenCase: { reason: 'new_information' },
    LinkDuplicate: { duplicateOf: '' },
    CorrectDetails: { changes: { ageBand: '25-34' }, reason: 'data_entry_error' },
    RecordReDeparture: { destinationCountry: 'TH' },
    ErasePersonalData: { basis: 'data_subject_request' },
    OfferHandover: { toAgency: 'pdrm' },
    AcceptHandover: {},
    RejectHandover: { reason: 'not_in_mandate' },
    RevokeHandover: {},
  };

export type PreparedCommand = {
  readonly caseId: string;
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
};

const operational: readonly string[] = Object.values(OperationalAgency);
/** Another operational agency than `agency`, to hand a case to or from. */
const counterpart = (agency: string) => (agency === 'pdrm' ? 'mapo' : 'pdrm');

export async function post(
  service: TestCaseService,
  agency: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const answer: RawAnswer = await service.request(agency, 'POST', path, { body });
  if (answer.status >= 300) {
    throw new Error(`setup step POST ${path} by ${agency} failed: ${answer.status} ${answer.text}`);
  }
  return answer.json as Record<string, unknown>;
}

export async function reportCase(
  service: TestCaseService,
  agency = 'wisma-putra',
): Promise<string> {
  return String((await post(service, agency, '/v1/cases', reportBody)).caseId);
}

function pathOf(type: CaseCommandType, caseId: string, handoverId = ''): string {
  return caseCommandRegistry[type].route.path
    .replace('{caseId}', caseId)
    .replace('{handoverId}', handoverId);
}

/** A fresh case in which `agency` may send `type` (when the policy lets it). */
export async function prepareCommand(
  service: TestCaseService,
  type: CaseCommandType,
  agency: string,
): Promise<PreparedCommand> {
  const body = sampleBodies[type];
  if (type === 'ReportCase') return { caseId: '', path: '/v1/cases', body };
  const caseId = await reportCase(service);
  const step = (command: CaseCommandType, by: string, extra: Record<string, unknown> = {}) =>
    post(service, by, pathOf(command, caseId), { ...sampleBodies[command], ...extra });
  const prepared = (extraBody: Record<string, unknown> = {}, handoverId = '') => ({
    caseId,
    path: pathOf(type, caseId, handoverId),
    body: { ...body, ...extraBody },
  });

  switch (type) {
    case 'ReverseReclassification':
      await step('ReclassifyPerson', 'pdrm');
      return prepared();
    case 'RecordProsecution':
      await step('ReclassifyPerson', 'pdrm');
      return prepared();
    case 'RecordProsecutionOutcome':
      await step('ReclassifyPerson', 'pdrm');
      await step('RecordProsecution', 'pdrm');
      return prepared();
    case 'ReopenCase':
      await step('CloseCase', 'pdrm');
      return prepared();
    case 'RecordReDeparture':
      await step('RecordRepatriation', 'immigration');
      return prepared();
    case 'LinkDuplicate':
      return prepared({ duplicateOf: await reportCase(service) });
    case 'OfferHandover':
      return prepared({ toAgency: counterpart(agency) });
    case 'AcceptHandover':
    case 'RejectHandover': {
      // An offer TO the agency under test (or, when it cannot hold a case, to pdrm).
      const to = operational.includes(agency) ? agency : 'pdrm';
      const offer = await step('OfferHandover', counterpart(to), { toAgency: to });
      return prepared({}, String(offer.handoverId));
    }
    case 'RevokeHandover': {
      const from = operational.includes(agency) ? agency : 'mapo';
      const offer = await step('OfferHandover', from, { toAgency: counterpart(from) });
      return prepared({}, String(offer.handoverId));
    }
    default:
      return prepared();
  }
}
