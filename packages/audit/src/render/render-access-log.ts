/**
 * `casetrail access-log` as a table: who read which case's personal data, when, through which
 * channel, for what purpose; then whether the access log's own chain holds.
 */
import type { AccessLogListing } from '../access/list-access-log.ts';
import { textTable } from './text-table.ts';

export function renderAccessLog(listing: AccessLogListing): string {
  const rows = listing.entries.map((entry) => [
    String(entry.sequence),
    entry.at,
    entry.actor.agency,
    entry.actor.sub,
    entry.caseId,
    entry.channel,
    entry.purpose ?? '-',
  ]);
  const chain = listing.chain.ok
    ? `the access log's chain holds (${listing.chain.entries} entries in all)`
    : `ACCESS LOG TAMPERED: first bad entry #${listing.chain.firstBadSequence}: ${listing.chain.problem}`;
  return `${textTable(['#', 'at', 'agency', 'user', 'case', 'channel', 'purpose'], rows)}${listing.entries.length} entries\n${chain}\n`;
}
