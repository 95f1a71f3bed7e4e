/**
 * Builds the export of one case (`casetrail export CASEID`, GET /v1/cases/{caseId}/export):
 * the stream read once, checked as stored, and written out with its hashes, its history as
 * the exporter may read it, and a manifest. Stored events go out exactly as recorded: a
 * sealed personal field stays ciphertext in `events` (after erasure nobody can open it), and
 * `history[].data` shows it masked, erased or (for a reader allowed and logged) decrypted.
 */
import { caseStreamId } from '@casetrail/domain';
import { checkStreamLink, GENESIS_HASH, type StreamLink } from '@casetrail/event-store';
import { type AuditDeps, caseHistoryOfStream } from '../history/read-case-history.ts';
import { readCaseStream, recordsErasure } from '../history/read-case-stream.ts';
import type { Reader } from '../history/view-personal-data.ts';
import { TimeAxis } from '../input/audit-query.ts';
import {
  CASE_EXPORT_FORMAT,
  CASE_EXPORT_FORMAT_VERSION,
  type CaseExport,
  integrityDescription,
} from './case-export-document.ts';

export const OFFLINE_CHECK_COMMAND =
  'pnpm casetrail verify --export FILE (procedure: docs/audit.md, "Offline verification")';

export async function exportCase(
  deps: AuditDeps,
  request: { readonly caseId: string; readonly reader: Reader },
): Promise<CaseExport> {
  const { caseId, reader } = request;
  const now = deps.now ?? (() => new Date());
  const stream = await readCaseStream(deps.store, caseId);
  const history = await caseHistoryOfStream(deps, stream, {
    caseId,
    asOf: { at: null, time: TimeAxis.RECORDED },
    reader,
  });
  let previous: StreamLink | undefined;
  let firstProblem: CaseExport['manifest']['storeVerification']['firstProblem'] = null;
  for (const event of stream) {
    const problem = checkStreamLink(previous, event);
    if (problem) {
      firstProblem = {
        revision: problem.revision ?? null,
        failure: problem.failure,
        detail: problem.detail,
      };
      break;
    }
    previous = { revision: event.revision, hash: event.hash };
  }
  const head = stream[stream.length - 1]!;
  return {
    format: CASE_EXPORT_FORMAT,
    formatVersion: CASE_EXPORT_FORMAT_VERSION,
    manifest: {
      caseId,
      streamId: caseStreamId(caseId),
      exportedAt: now().toISOString(),
      exportedBy: { agency: reader.actor.agency, sub: reader.actor.sub },
      eventCount: stream.length,
      head: { revision: head.revision, position: head.position, hash: head.hash },
      personalData:
        recordsErasure(stream) || history.personalData === 'erased' ? 'erased' : 'sealed',
      readerView: history.personalData,
      integrity: { ...integrityDescription, genesisHash: GENESIS_HASH },
      storeVerification: { ok: firstProblem === null, firstProblem },
      checkWith: OFFLINE_CHECK_COMMAND,
    },
    events: stream.map((event) => ({ ...event })),
    chain: stream.map((event) => ({
      revision: event.revision,
      position: event.position,
      previousHash: event.previousHash,
      hash: event.hash,
    })),
    history: history.entries,
  };
}
