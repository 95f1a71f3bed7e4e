/**
 * The offline check of a case export (`casetrail verify --export FILE`): needs nothing but the
 * file. It recomputes every event hash with the event store's canonical encoding from the
 * events exactly as they are in the file, follows the chain from the genesis hash, and checks
 * that the chain, the manifest and the history (who, when, non-personal data, state after
 * each event, recomputed with the domain's fold) all agree with the hashed events. It reports
 * every problem it finds, naming where (never a value: the file may hold personal data).
 */
import { caseStreamId } from '@casetrail/domain';
import { canonicalJson, GENESIS_HASH, hashEvent, type RecordedEvent } from '@casetrail/event-store';
import { recordedFields } from '../history/history-entry.ts';
import { statesAfter } from '../history/states-after.ts';
import { markPersonalFields } from '../history/view-personal-data.ts';
import { type CaseExportDocument, caseExportSchema } from './case-export-document.ts';

export type ExportProblem = {
  /** Where in the file, e.g. `events[3]`, `history[2].stateAfter`, `manifest.head`. */
  readonly where: string;
  readonly revision: number | null;
  readonly eventId: string | null;
  readonly problem: string;
};

export type ExportCheck = {
  readonly ok: boolean;
  readonly caseId: string | null;
  readonly eventsChecked: number;
  /** The head the file claims: compare it with one obtained elsewhere to rule out truncation. */
  readonly head: { readonly revision: number; readonly hash: string } | null;
  readonly problems: readonly ExportProblem[];
};

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function checkCaseExport(file: unknown): ExportCheck {
  const parsed = caseExportSchema.safeParse(file);
  if (!parsed.success) {
    return {
      ok: false,
      caseId: null,
      eventsChecked: 0,
      head: null,
      problems: parsed.error.issues.slice(0, 50).map((issue) => ({
        where: issue.path.join('.') || '(file)',
        revision: null,
        eventId: null,
        problem: issue.message,
      })),
    };
  }
  // Hashes are recomputed over the raw JSON, never over the schema's reshaped copy.
  const raw = file as CaseExportDocument;
  const problems: ExportProblem[] = [];
  const events = raw.events as unknown as RecordedEvent[];
  checkEvents(raw, events, problems);
  checkManifest(raw, events, problems);
  checkHistory(raw, events, problems);
  return {
    ok: problems.length === 0,
    caseId: raw.manifest.caseId,
    eventsChecked: events.length,
    head: { revision: raw.manifest.head.revision, hash: raw.manifest.head.hash },
    problems,
  };
}

function at(where: string, event: RecordedEvent | undefined, problem: string): ExportProblem {
  return { where, revision: event?.revision ?? null, eventId: event?.id ?? null, problem };
}

function checkEvents(raw: CaseExportDocument, events: RecordedEvent[], out: ExportProblem[]) {
  const streamId = raw.manifest.streamId;
  events.forEach((event, index) => {
    const where = `events[${index}]`;
    if (event.streamId !== streamId) out.push(at(where, event, "streamId is not the manifest's"));
    if (event.revision !== index) out.push(at(where, event, `revision is not ${index}`));
    const previous = events[index - 1];
    if (previous !== undefined && event.position <= previous.position) {
      out.push(at(where, event, 'position does not follow the previous event'));
    }
    let recomputed: string | undefined;
    try {
      recomputed = hashEvent(event);
    } catch {
      out.push(at(where, event, 'fields cannot be canonically encoded'));
    }
    if (recomputed !== undefined && recomputed !== event.hash) {
      out.push(at(where, event, 'hash does not match the event (a hashed field was changed)'));
    }
    const expectedPrevious = previous?.hash ?? GENESIS_HASH;
    if (event.previousHash !== expectedPrevious) {
      out.push(
        at(
          where,
          event,
          previous
            ? 'previousHash does not link to the previous event'
            : 'first event does not start from the genesis hash',
        ),
      );
    }
    const link = raw.chain[index];
    if (link === undefined || !same(link, chainLinkOf(event))) {
      out.push(at(`chain[${index}]`, event, 'chain link does not match the event'));
    }
  });
  if (raw.chain.length !== events.length) {
    out.push(at('chain', undefined, `has ${raw.chain.length} links for ${events.length} events`));
  }
}

function chainLinkOf(event: RecordedEvent) {
  const { revision, position, previousHash, hash } = event;
  return { revision, position, previousHash, hash };
}

function checkManifest(raw: CaseExportDocument, events: RecordedEvent[], out: ExportProblem[]) {
  const { manifest } = raw;
  const last = events[events.length - 1]!;
  if (manifest.streamId !== caseStreamId(manifest.caseId)) {
    out.push(at('manifest.streamId', undefined, 'is not the stream of manifest.caseId'));
  }
  if (manifest.eventCount !== events.length) {
    out.push(
      at(
        'manifest.eventCount',
        undefined,
        `says ${manifest.eventCount}, file has ${events.length}`,
      ),
    );
  }
  if (!same(manifest.head, { revision: last.revision, position: last.position, hash: last.hash })) {
    out.push(at('manifest.head', last, 'is not the last event of the file'));
  }
  if (manifest.integrity.genesisHash !== GENESIS_HASH) {
    out.push(at('manifest.integrity.genesisHash', undefined, "is not casetrail's genesis hash"));
  }
  const erasure = events.some((event) => event.type === 'PersonalDataErased');
  if (erasure && (manifest.personalData !== 'erased' || manifest.readerView !== 'erased')) {
    out.push(
      at('manifest.personalData', undefined, 'the events record an erasure, the manifest does not'),
    );
  }
}

function checkHistory(raw: CaseExportDocument, events: RecordedEvent[], out: ExportProblem[]) {
  if (raw.history.length !== events.length) {
    out.push(
      at('history', undefined, `has ${raw.history.length} entries for ${events.length} events`),
    );
    return;
  }
  let states: unknown[];
  try {
    states = statesAfter(events);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    out.push(at('events', undefined, `the domain cannot fold these events (${name})`));
    return;
  }
  const view = raw.manifest.readerView;
  raw.history.forEach((entry, index) => {
    const event = events[index]!;
    const where = `history[${index}]`;
    const expected = recordedFields(event);
    const { data, stateAfter, ...recorded } = entry;
    if (!same(recorded, expected)) out.push(at(where, event, 'does not match the recorded event'));
    const dataProblem = viewedDataProblem(event, data, view);
    if (dataProblem) out.push(at(`${where}.data`, event, dataProblem));
    if (!same(stateAfter, states[index])) {
      out.push(at(`${where}.stateAfter`, event, 'is not the state the events lead to'));
    }
  });
}

/** The viewed data must equal the stored data outside personal fields, and show the view. */
function viewedDataProblem(
  event: RecordedEvent,
  data: Readonly<Record<string, unknown>>,
  view: CaseExportDocument['manifest']['readerView'],
): string | undefined {
  const viewed = { type: event.type, data };
  const [stored] = markPersonalFields([event], 'masked');
  if (!same(markPersonalFields([viewed], 'masked')[0], stored)) {
    return 'non-personal data differs from the recorded event';
  }
  if (view !== 'open' && !same(markPersonalFields([viewed], view)[0], data)) {
    return `personal fields are not all shown as ${view}`;
  }
  return undefined;
}
