/**
 * Verifies the whole log through the port, in global order, reporting progress. A row that
 * cannot be decoded is reported and stepped over (reads resume after its position), so one
 * damaged row never stops the audit of the rest. Reads only; never repairs anything.
 */
import { CorruptEventError } from '../errors.ts';
import type { EventStore } from '../port.ts';
import { createLogVerifier, type LogVerification } from './log-verifier.ts';

export type VerifyProgress = {
  readonly eventsChecked: number;
  readonly position: number;
  readonly problems: number;
};

export type VerifyLogOptions = {
  readonly onProgress?: (progress: VerifyProgress) => void;
  /** Report progress every this many events (default 1000), and once at the end. */
  readonly progressEvery?: number;
};

export async function verifyLog(
  store: EventStore,
  options: VerifyLogOptions = {},
): Promise<LogVerification> {
  const { onProgress, progressEvery = 1000 } = options;
  const verifier = createLogVerifier();
  let after: number | undefined;
  let sinceProgress = 0;
  const progress = () => {
    const state = verifier.result();
    onProgress?.({
      eventsChecked: state.eventsChecked,
      position: after ?? 0,
      problems: state.problems.length,
    });
  };
  for (;;) {
    try {
      for await (const event of store.readAll(
        after === undefined ? {} : { afterPosition: after },
      )) {
        verifier.visit(event);
        after = event.position;
        sinceProgress += 1;
        if (sinceProgress >= progressEvery) {
          sinceProgress = 0;
          progress();
        }
      }
      break;
    } catch (error) {
      // Step over an undecodable row; anything else (or a row we cannot step over) is fatal.
      if (!(error instanceof CorruptEventError) || error.position <= (after ?? 0)) throw error;
      verifier.visitCorrupt(error);
      after = error.position;
    }
  }
  progress();
  return verifier.result();
}
