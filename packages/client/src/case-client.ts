/**
 * The typed client agency services use to talk to the case service: one method per command
 * of the domain (bodies typed from the domain's schemas), automatic idempotency keys,
 * retries with back-off on 5xx and network errors (see transport.ts), typed errors.
 */
import { type CaseCommandType, type CaseSummary, caseCommandRegistry } from '@casetrail/domain';
import { z } from 'zod';
import { UnexpectedResponseError } from './errors.ts';
import { type CallOptions, createTransport, type TransportOptions } from './transport.ts';

/** The JSON body of command K, as the caller writes it. */
export type CommandBody<K extends CaseCommandType> = z.input<
  (typeof caseCommandRegistry)[K]['body']
>;

const WriteResultSchema = z.object({
  caseId: z.string(),
  revision: z.int().min(0),
  position: z.int().min(0),
  handoverId: z.string().optional(),
});
export type WriteResult = {
  readonly caseId: string;
  readonly revision: number;
  readonly position: number;
};
export type HandoverOffered = WriteResult & { readonly handoverId: string };

const CaseViewSchema = z.object({
  caseId: z.string(),
  revision: z.int().min(0),
  position: z.int().min(0),
  summary: z.record(z.string(), z.unknown()),
  personalData: z
    .object({
      access: z.enum(['full', 'masked']),
      records: z.array(
        z.object({
          revision: z.int(),
          type: z.string(),
          occurredAt: z.string(),
          recordedBy: z.string(),
          fields: z.array(z.object({ field: z.string(), value: z.unknown() })),
        }),
      ),
    })
    .optional(),
});
export type CaseView = Omit<z.infer<typeof CaseViewSchema>, 'summary'> & {
  readonly summary: CaseSummary;
};

type OnCase<K extends CaseCommandType> = (
  caseId: string,
  body: CommandBody<K>,
  options?: CallOptions,
) => Promise<WriteResult>;
type OnHandover<K extends CaseCommandType> = (
  caseId: string,
  handoverId: string,
  body?: CommandBody<K>,
  options?: CallOptions,
) => Promise<WriteResult>;

export type CaseClient = {
  reportCase(body: CommandBody<'ReportCase'>, options?: CallOptions): Promise<WriteResult>;
  recordTracking: OnCase<'RecordTracking'>;
  recordRescue: OnCase<'RecordRescue'>;
  recordRepatriation: OnCase<'RecordRepatriation'>;
  reclassifyPerson: OnCase<'ReclassifyPerson'>;
  confirmVictim: OnCase<'ConfirmVictim'>;
  reverseReclassification: OnCase<'ReverseReclassification'>;
  recordProsecution: OnCase<'RecordProsecution'>;
  recordProsecutionOutcome: OnCase<'RecordProsecutionOutcome'>;
  closeCase: OnCase<'CloseCase'>;
  reopenCase: OnCase<'ReopenCase'>;
  linkDuplicate: OnCase<'LinkDuplicate'>;
  correctDetails: OnCase<'CorrectDetails'>;
  recordReDeparture: OnCase<'RecordReDeparture'>;
  erasePersonalData: OnCase<'ErasePersonalData'>;
  offerHandover(
    caseId: string,
    body: CommandBody<'OfferHandover'>,
    options?: CallOptions,
  ): Promise<HandoverOffered>;
  acceptHandover: OnHandover<'AcceptHandover'>;
  rejectHandover: OnHandover<'RejectHandover'>;
  revokeHandover: OnHandover<'RevokeHandover'>;
  /** GET /v1/cases/{caseId}; personal data only when the agency may read it. */
  getCase(caseId: string, options?: CallOptions): Promise<CaseView>;
};

export type CaseClientOptions = TransportOptions;

export function createCaseClient(options: CaseClientOptions): CaseClient {
  const transport = createTransport(options);

  const send = async (
    type: CaseCommandType,
    params: { caseId?: string; handoverId?: string },
    body: unknown,
    callOptions?: CallOptions,
  ) => {
    const path = caseCommandRegistry[type].route.path
      .replace('{caseId}', encodeURIComponent(params.caseId ?? ''))
      .replace('{handoverId}', encodeURIComponent(params.handoverId ?? ''));
    const answer = await transport.request('POST', path, body ?? {}, callOptions);
    const parsed = WriteResultSchema.safeParse(answer.body);
    if (!parsed.success) {
      throw new UnexpectedResponseError(`${type}: the answer is not a write result`, answer.status);
    }
    return parsed.data;
  };
  const onCase =
    <K extends CaseCommandType>(type: K): OnCase<K> =>
    (caseId, body, callOptions) =>
      send(type, { caseId }, body, callOptions);
  const onHandover =
    <K extends CaseCommandType>(type: K): OnHandover<K> =>
    (caseId, handoverId, body, callOptions) =>
      send(type, { caseId, handoverId }, body, callOptions);

  return {
    reportCase: (body, callOptions) => send('ReportCase', {}, body, callOptions),
    recordTracking: onCase('RecordTracking'),
    recordRescue: onCase('RecordRescue'),
    recordRepatriation: onCase('RecordRepatriation'),
    reclassifyPerson: onCase('ReclassifyPerson'),
    confirmVictim: onCase('ConfirmVictim'),
    reverseReclassification: onCase('ReverseReclassification'),
    recordProsecution: onCase('RecordProsecution'),
    recordProsecutionOutcome: onCase('RecordProsecutionOutcome'),
    closeCase: onCase('CloseCase'),
    reopenCase: onCase('ReopenCase'),
    linkDuplicate: onCase('LinkDuplicate'),
    correctDetails: onCase('CorrectDetails'),
    recordReDeparture: onCase('RecordReDeparture'),
    erasePersonalData: onCase('ErasePersonalData'),
    async offerHandover(caseId, body, callOptions) {
      const result = await send('OfferHandover', { caseId }, body, callOptions);
      if (!result.handoverId) {
        throw new UnexpectedResponseError('OfferHandover: the answer has no handoverId');
      }
      return { ...result, handoverId: result.handoverId };
    },
    acceptHandover: onHandover('AcceptHandover'),
    rejectHandover: onHandover('RejectHandover'),
    revokeHandover: onHandover('RevokeHandover'),
    async getCase(caseId, callOptions) {
      const answer = await transport.request(
        'GET',
        `/v1/cases/${encodeURIComponent(caseId)}`,
        undefined,
        callOptions,
      );
      const parsed = CaseViewSchema.safeParse(answer.body);
      if (!parsed.success) {
        throw new UnexpectedResponseError('getCase: the answer is not a case view', answer.status);
      }
      return parsed.data as unknown as CaseView;
    },
  };
}
