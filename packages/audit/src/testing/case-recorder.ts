/**
 * Test support: records cases the way the case service does (decide on the stream's state,
 * seal personal fields with the real vault, append with the expected revision to a real
 * SQLite store, erase by recording PersonalDataErased and destroying the key), with a clock
 * the test controls so store time and business time can differ. Never used by production code.
 */
import { join } from 'node:path';
import {
  type Agency,
  type CaseCommandType,
  caseEventRegistry,
  caseStateFromHistory,
  caseStreamId,
  decide,
  parseCommand,
} from '@casetrail/domain';
import {
  openSqliteEventStore,
  type RecordedEvent,
  type SqliteEventStore,
} from '@casetrail/event-store';
import {
  domainPersonalPaths,
  type EmbeddedPersonalData,
  openEmbeddedPersonalData,
} from '@casetrail/personal-data';
import { ulid } from 'ulid';

export type RecordOptions = {
  readonly agency: Agency;
  readonly sub?: string;
  /** Business time given by the agency (ISO 8601); default: the store clock's now. */
  readonly occurredAt?: string;
  readonly params?: Record<string, string>;
};

export type CaseRecorder = {
  readonly store: SqliteEventStore;
  readonly personalData: EmbeddedPersonalData;
  readonly storePath: string;
  /** Sets the store clock: the recordedAt of the next appends. */
  setNow(iso: string): void;
  now(): Date;
  record(
    caseId: string,
    type: CaseCommandType,
    body: unknown,
    options: RecordOptions,
  ): Promise<readonly RecordedEvent[]>;
  /** ErasePersonalData as the case service does it: the event, then the key destroyed. */
  erase(caseId: string): Promise<void>;
  close(): Promise<void>;
};

export async function openCaseRecorder(
  dataDir: string,
  startAt = '2024-01-01T00:00:00.000Z',
): Promise<CaseRecorder> {
  let clock = new Date(startAt);
  const storePath = join(dataDir, 'events.db');
  const store = await openSqliteEventStore({ path: storePath, now: () => clock });
  const personalData = openEmbeddedPersonalData({ dataDir, personalPaths: domainPersonalPaths });

  const history = async (caseId: string): Promise<RecordedEvent[]> => {
    if ((await store.streamRevision(caseStreamId(caseId))) === undefined) return [];
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(caseStreamId(caseId))) events.push(event);
    return events;
  };

  const record: CaseRecorder['record'] = async (caseId, type, body, options) => {
    const parsed = parseCommand(type, body, options.params);
    if (!parsed.ok)
      throw new Error(`invalid ${type}: ${parsed.issues.map((i) => i.field).join(', ')}`);
    const past = await history(caseId);
    const sub = options.sub ?? `${options.agency}-officer`;
    const command = parsed.value;
    if (options.occurredAt !== undefined) {
      (command.data as { occurredAt?: string }).occurredAt = options.occurredAt;
    }
    const decision = decide(caseStateFromHistory(past), command, {
      now: clock.toISOString(),
      actor: { agency: options.agency, sub },
      caseId,
      handoverId: ulid(),
    });
    if (!decision.ok) throw new Error(`${type} refused: ${decision.error.code}`);
    const correlationId = ulid();
    const events = [];
    for (const event of decision.events) {
      events.push({
        id: ulid(),
        type: event.type,
        schemaVersion: caseEventRegistry[event.type].schemaVersion,
        data: await personalData.vault.seal(
          caseId,
          event.type,
          event.data as Record<string, unknown>,
        ),
        metadata: {
          actor: { agency: options.agency, sub },
          correlationId,
          occurredAt: decision.occurredAt,
        },
      });
    }
    const appended = await store.append(caseStreamId(caseId), events, {
      expectedRevision: past.length === 0 ? 'no_stream' : past.length - 1,
    });
    return appended.events;
  };

  return {
    store,
    personalData,
    storePath,
    setNow: (iso) => {
      clock = new Date(iso);
    },
    now: () => clock,
    record,
    erase: async (caseId) => {
      await record(
        caseId,
        'ErasePersonalData',
        { basis: 'data_subject_request' },
        { agency: 'dpo' },
      );
      await personalData.vault.erase(caseId);
    },
    close: async () => {
      await store.close();
      await personalData.close();
    },
  };
}
