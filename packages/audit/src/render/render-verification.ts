/**
 * `casetrail verify` in words: what was checked, then the first bad event of each bad
 * stream, the first break of the log chain and the anchor's verdict, one line each.
 */
import type { ExportCheck } from '../export/check-case-export.ts';
import { describeBadEvent } from '../verification/bad-event.ts';
import type { CaseVerification } from '../verification/verify-case.ts';
import type { StoreVerification } from '../verification/verify-store.ts';
import { shortHash } from './text-table.ts';

export function renderStoreVerification(result: StoreVerification): string {
  const lines = [
    `checked ${result.eventsChecked} events in ${result.streamsChecked} streams`,
    result.head
      ? `log head: position ${result.head.position}, log hash ${result.head.logHash ?? '(none: this store keeps no log chain)'}`
      : 'the log is empty',
  ];
  for (const bad of result.badStreams) lines.push(`BAD ${describeBadEvent(bad)}`);
  if (result.logChain) lines.push(`BAD log chain: ${describeBadEvent(result.logChain)}`);
  if (result.anchor) lines.push(`BAD anchor: ${describeBadEvent(result.anchor)}`);
  lines.push(
    result.ok
      ? 'OK: every chain holds'
      : `TAMPERED: ${result.badStreams.length} bad stream(s)${result.logChain ? ', log chain broken' : ''}${result.anchor ? ', anchor does not hold' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderCaseVerification(result: CaseVerification): string {
  const head = result.head
    ? `revision ${result.head.revision}, hash ${shortHash(result.head.hash)}`
    : 'none';
  const lines = [
    `case ${result.caseId}: checked ${result.eventsChecked} events; last good link: ${head}`,
  ];
  if (result.firstBadEvent) lines.push(`BAD ${describeBadEvent(result.firstBadEvent)}`);
  lines.push(result.ok ? 'OK: the chain holds' : 'TAMPERED');
  return `${lines.join('\n')}\n`;
}

export function renderExportCheck(result: ExportCheck): string {
  const lines = [
    `export of case ${result.caseId ?? '(unknown)'}: checked ${result.eventsChecked} events`,
    result.head
      ? `the file's head: revision ${result.head.revision}, hash ${result.head.hash} (compare it with one obtained from the engine to rule out a cut-short export)`
      : 'the file has no readable head',
  ];
  for (const problem of result.problems) {
    const at = problem.revision !== null ? ` (revision ${problem.revision})` : '';
    lines.push(`BAD ${problem.where}${at}: ${problem.problem}`);
  }
  lines.push(result.ok ? 'OK: every hash recomputes and every part agrees' : 'NOT INTACT');
  return `${lines.join('\n')}\n`;
}
