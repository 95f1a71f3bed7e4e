/**
 * Shows the personal fields of a case's events as the reader may see them: decrypted for
 * agencies the policy allows to read personal data (and only after that read is written to
 * the access log), `{ $masked: true }` for everyone else (auditors), `{ $erased: true }` once
 * the person's data was erased. Must never decrypt for a masked reader, never return
 * decrypted data whose read was not logged, and never log or throw a personal value.
 */
import { eventHoldsPersonalData, mapEventPersonalData, type Permission } from '@casetrail/domain';
import type {
  AccessChannel,
  AccessLog,
  KeyStore,
  PersonalDataVault,
} from '@casetrail/personal-data';
import { PersonalDataUnavailableError } from '../errors.ts';
import { PersonalDataView } from './history-entry.ts';

/**
 * What opening personal data needs: the vault and the access log. With the key store too, a
 * destroyed key is seen before anything is logged (without it, the vault's own erased markers
 * show, after a log entry that revealed nothing).
 */
export type PersonalDataAccess = {
  readonly vault: PersonalDataVault;
  readonly accessLog: AccessLog;
  readonly keyStore?: KeyStore | undefined;
};

/** Who reads, what the policy gives them for 'read-personal-data', and why they read. */
export type Reader = {
  readonly actor: { readonly agency: string; readonly sub: string };
  readonly permission: Permission;
  readonly purpose?: string | undefined;
  readonly channel: AccessChannel;
};

type StoredData = { readonly type: string; readonly data: Readonly<Record<string, unknown>> };

export type ViewRequest = {
  readonly caseId: string;
  readonly events: readonly StoredData[];
  /** The stream records the erasure (PersonalDataErased), whether or not it counts as of T. */
  readonly erasedInStream: boolean;
  readonly reader: Reader;
  readonly access: PersonalDataAccess | undefined;
  readonly now: () => Date;
};

export type ViewedData = {
  readonly view: PersonalDataView;
  readonly data: readonly Record<string, unknown>[];
};

export function markPersonalFields(
  events: readonly StoredData[],
  marker: 'masked' | 'erased',
): Record<string, unknown>[] {
  const replacement = marker === 'masked' ? { $masked: true } : { $erased: true };
  return events.map(
    (event) =>
      mapEventPersonalData({ type: event.type, data: event.data }, () => ({ ...replacement }))
        .data as Record<string, unknown>,
  );
}

export async function viewPersonalData(request: ViewRequest): Promise<ViewedData> {
  const { caseId, events, reader, access } = request;
  const erased = () => ({
    view: PersonalDataView.ERASED,
    data: markPersonalFields(events, 'erased'),
  });
  if (request.erasedInStream) return erased();
  if (reader.permission !== 'allowed') {
    return { view: PersonalDataView.MASKED, data: markPersonalFields(events, 'masked') };
  }
  if (access === undefined) {
    throw new PersonalDataUnavailableError(
      'this reader may see personal data, but no personal-data vault is configured',
    );
  }
  if ((await access.keyStore?.getKey(caseId))?.state === 'destroyed') return erased();
  if (events.some((event) => eventHoldsPersonalData(event))) {
    // Logged before anything is decrypted: a read that cannot be logged does not happen.
    await access.accessLog.record({
      actor: { agency: reader.actor.agency, sub: reader.actor.sub },
      caseId,
      ...(reader.purpose ? { purpose: reader.purpose } : {}),
      channel: reader.channel,
      at: request.now().toISOString(),
    });
  }
  const data: Record<string, unknown>[] = [];
  for (const event of events) data.push(await access.vault.open(caseId, event.type, event.data));
  return { view: PersonalDataView.OPEN, data };
}
