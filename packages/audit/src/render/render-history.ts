/**
 * `casetrail replay` as a human-readable table: one row per event with who recorded it, both
 * clocks, revision, position and hash, then the case state after it in a few words. The
 * table never prints event data (`--json` carries it, as the reader may see it).
 */
import type { CaseSummary } from '@casetrail/domain';
import type { CaseHistory } from '../history/history-entry.ts';
import { shortHash, textTable } from './text-table.ts';

export function renderHistory(history: CaseHistory): string {
  const { asOf } = history;
  const moment =
    asOf.at === null
      ? 'now (the whole stream)'
      : `${asOf.at} by ${asOf.time === 'recorded' ? 'store time (what was known then)' : 'business time (what had happened by then)'}`;
  const lines = [
    `case ${history.caseId} (stream ${history.streamId})`,
    `as of ${moment}: ${history.entries.length} of ${history.eventsInStream} events count`,
    `personal data: ${history.personalData}; stream head: revision ${history.head.revision}, hash ${shortHash(history.head.hash)}`,
    '',
    '',
  ];
  if (history.entries.length === 0) return `${lines.join('\n')}the case did not exist yet\n`;
  const rows = history.entries.map((entry) => [
    String(entry.revision),
    String(entry.position),
    entry.type,
    `${entry.recordedBy.agency}/${entry.recordedBy.sub}`,
    entry.occurredAt,
    entry.recordedAt,
    shortHash(entry.hash),
    describeState(entry.stateAfter),
  ]);
  const header = [
    'rev',
    'pos',
    'event',
    'recorded by',
    'occurred (business)',
    'recorded (store)',
    'hash',
    'state after',
  ];
  return `${lines.join('\n')}${textTable(header, rows)}`;
}

/** The three dimensions of DOMAIN.md, kept apart: whereabouts, classification, legal. */
export function describeState(state: CaseSummary): string {
  const classification =
    state.classification.status === 'reclassified'
      ? `reclassified:${state.classification.role}`
      : state.classification.status;
  const closed = state.status === 'closed' ? ` closed:${state.closure?.reason ?? '?'}` : '';
  const erased = state.personalData === 'erased' ? ' personal-data-erased' : '';
  return `${state.stage} ${state.lastKnownCountry} | ${classification} | legal:${state.legal.status}${closed}${erased}`;
}
