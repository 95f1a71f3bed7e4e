/**
 * Sends scenario actions with the typed case-service client (@casetrail/client): one client
 * per officer, each with its own token, so every event records who did it. The client
 * retries network errors and 5xx with the action's stable idempotency key.
 */
import { type CaseClient, createCaseClient } from '@casetrail/client';
import type { CaseCommandType } from '@casetrail/domain';
import type { CommandSender } from './drive-scenario.ts';

type OnCaseCommand = Exclude<
  CaseCommandType,
  'ReportCase' | 'OfferHandover' | 'AcceptHandover' | 'RejectHandover' | 'RevokeHandover'
>;

const onCase = {
  RecordTracking: 'recordTracking',
  RecordRescue: 'recordRescue',
  RecordRepatriation: 'recordRepatriation',
  ReclassifyPerson: 'reclassifyPerson',
  ConfirmVictim: 'confirmVictim',
  ReverseReclassification: 'reverseReclassification',
  RecordProsecution: 'recordProsecution',
  RecordProsecutionOutcome: 'recordProsecutionOutcome',
  CloseCase: 'closeCase',
  ReopenCase: 'reopenCase',
  LinkDuplicate: 'linkDuplicate',
  CorrectDetails: 'correctDetails',
  RecordReDeparture: 'recordReDeparture',
  ErasePersonalData: 'erasePersonalData',
} as const satisfies Record<OnCaseCommand, keyof CaseClient>;

const onHandover = {
  AcceptHandover: 'acceptHandover',
  RejectHandover: 'rejectHandover',
  RevokeHandover: 'revokeHandover',
} as const;

export class MissingScenarioIdError extends Error {
  readonly code = 'MissingScenarioId' as const;
  override readonly name = 'MissingScenarioIdError';
  constructor(command: string, what: string) {
    super(`${command} needs the ${what} of an earlier action, which did not return one`);
  }
}

/** A CommandSender over one client (one officer's token). */
export function senderFromClient(client: CaseClient): CommandSender {
  return async ({ command, caseId, handoverId, body, idempotencyKey }) => {
    const options = { idempotencyKey };
    // Bodies were generated against the domain's input types; the service validates them again.
    const input = body as never;
    if (command === 'ReportCase') return client.reportCase(input, options);
    if (caseId === undefined) throw new MissingScenarioIdError(command, 'case id');
    if (command === 'OfferHandover') return client.offerHandover(caseId, input, options);
    if (command in onHandover) {
      if (handoverId === undefined) throw new MissingScenarioIdError(command, 'hand-over id');
      const method = onHandover[command as keyof typeof onHandover];
      return client[method](caseId, handoverId, input, options);
    }
    return client[onCase[command as OnCaseCommand]](caseId, input, options);
  };
}

export type AgencyTokens = (agency: string, sub: string) => string | Promise<string>;

/** `senderFor` for driveScenario: a client per officer against `baseUrl`. */
export function clientSenders(baseUrl: string, tokenFor: AgencyTokens) {
  return (agency: string, sub: string): CommandSender =>
    senderFromClient(createCaseClient({ baseUrl, token: () => tokenFor(agency, sub) }));
}
