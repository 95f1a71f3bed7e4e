/**
 * The personal data of a case, for the readers the policy lets see it: per recorded event
 * that holds personal fields, those fields as the vault reveals them (opened, masked, or
 * marked erased). Built per request and handed only to the HTTP answer: never logged.
 */
import { isCaseEventType, mapEventPersonalData, personalPaths } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';

export type PersonalRecord = {
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedBy: string;
  readonly fields: readonly { readonly field: string; readonly value: unknown }[];
};

export type Reveal = (
  eventType: string,
  data: Readonly<Record<string, unknown>>,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

export async function personalRecords(
  records: readonly RecordedEvent[],
  reveal: Reveal,
): Promise<PersonalRecord[]> {
  const out: PersonalRecord[] = [];
  for (const record of records) {
    if (!isCaseEventType(record.type) || personalPaths(record.type).length === 0) continue;
    const data = await reveal(record.type, record.data);
    const fields: { field: string; value: unknown }[] = [];
    mapEventPersonalData({ type: record.type, data }, (value, path) => {
      fields.push({ field: path.replace(/^\$\.?/, ''), value });
      return value;
    });
    if (fields.length === 0) continue;
    out.push({
      revision: record.revision,
      type: record.type,
      occurredAt: record.metadata.occurredAt,
      recordedBy: record.metadata.actor.agency,
      fields,
    });
  }
  return out;
}
