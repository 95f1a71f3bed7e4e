/**
 * The integrity check of the whole log (`casetrail verify`): every stream's chain and the
 * log-wide chain, walked in global order with progress, naming the first bad event of each
 * bad stream and the first break of the log chain. Hash chains cannot show that the newest
 * events were cut off the end: an anchor (the head of an earlier verification, kept outside
 * the store) can, and is checked when given. Reads only, repairs nothing.
 */
import {
  CorruptEventError,
  type EventStore,
  VerificationFailure,
  type VerifyProgress,
  verifyLog,
} from '@casetrail/event-store';
import { z } from 'zod';
import { type BadEvent, badEventOf } from './bad-event.ts';

/** A log head recorded earlier (`verify --write-anchor`): it must still be in the log. */
export const logAnchorSchema = z.strictObject({
  position: z.int().min(1),
  logHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
});
export type LogAnchor = z.infer<typeof logAnchorSchema>;

export type StoreVerification = {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** The first bad event of each bad stream, in log order. */
  readonly badStreams: readonly BadEvent[];
  /** The first break of the log-wide chain (order changed, rows removed or inserted). */
  readonly logChain: BadEvent | null;
  /** The anchor's check, when one was given: null when it holds. */
  readonly anchor: BadEvent | null;
  /** The last event's position and log hash: keep it as the next anchor. */
  readonly head: { readonly position: number; readonly logHash: string | null } | null;
  readonly checkedAt: string;
};

export type VerifyStoreOptions = {
  readonly onProgress?: (progress: VerifyProgress) => void;
  readonly progressEvery?: number;
  readonly anchor?: LogAnchor | undefined;
  readonly now?: () => Date;
};

export async function verifyStore(
  store: EventStore,
  options: VerifyStoreOptions = {},
): Promise<StoreVerification> {
  const result = await verifyLog(store, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.progressEvery ? { progressEvery: options.progressEvery } : {}),
  });
  const bad = result.problems.map(badEventOf);
  const logChain = bad.find((problem) => problem.failure === VerificationFailure.logChainBroken);
  const badStreams = bad.filter((problem) => problem !== logChain);
  const anchor = options.anchor ? await checkAnchor(store, options.anchor) : null;
  return {
    ok: result.ok && anchor === null,
    eventsChecked: result.eventsChecked,
    streamsChecked: result.streamsChecked,
    badStreams,
    logChain: logChain ?? null,
    anchor,
    head: result.head
      ? { position: result.head.position, logHash: result.head.logHash ?? null }
      : null,
    checkedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
}

async function checkAnchor(store: EventStore, anchor: LogAnchor): Promise<BadEvent | null> {
  const mismatch = (detail: string): BadEvent => ({
    failure: 'anchor-mismatch',
    streamId: null,
    caseId: null,
    revision: null,
    position: anchor.position,
    eventId: null,
    detail,
  });
  try {
    for await (const event of store.readAll({ afterPosition: anchor.position - 1, maxCount: 1 })) {
      if (event.position !== anchor.position) break;
      return event.logHash === anchor.logHash
        ? null
        : mismatch(`the event at position ${anchor.position} is not the one anchored`);
    }
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error;
    return mismatch(`the event at position ${anchor.position} cannot be read`);
  }
  return mismatch(
    `the log no longer holds the anchored event at position ${anchor.position}: it was cut short or rewritten`,
  );
}
