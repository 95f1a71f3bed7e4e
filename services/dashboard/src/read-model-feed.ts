/**
 * Feeds the live hub from the projector's read models: the store's log says which cases
 * changed (and up to which position); once the projector has folded that position, each
 * changed case's summary is read from the read model and published, then one `stats` update.
 * So what the dashboard hears is what the read models (and NATS subscribers) already show.
 * It reads only non-personal read models; the hub's whitelist strips anything else.
 */
import type { LiveHub } from './live-hub.ts';

/** The non-personal parts of the projector's case summary document the feed needs. */
export type CaseSummaryLike = {
  readonly caseId: string;
  readonly revision: number;
  readonly position: number;
  readonly status: string;
  readonly stage: string;
  readonly classification: { readonly status: string };
  readonly legal: { readonly status: string };
  readonly lastKnownCountry: string | null;
  readonly updatedAt: string;
};

export type ReadModelFeedSources = {
  /** Events after the starting point, as the store appends them (e.g. subscribeToAll). */
  readonly changes: AsyncIterable<{ readonly streamId: string; readonly position: number }>;
  /** Resolves once the read models reflect `position`. */
  waitForPosition(position: number): Promise<void>;
  caseSummary(caseId: string): CaseSummaryLike | undefined;
  /** The case id of a case stream, undefined for other streams. */
  caseIdOf(streamId: string): string | undefined;
};

export function caseUpdateOf(summary: CaseSummaryLike) {
  return {
    kind: 'case' as const,
    caseId: summary.caseId,
    revision: summary.revision,
    position: summary.position,
    status: summary.status,
    stage: summary.stage,
    classification: summary.classification.status,
    legal: summary.legal.status,
    country: summary.lastKnownCountry,
    updatedAt: summary.updatedAt,
  };
}

/** Runs until `changes` ends (abort its subscription to stop); never throws for one bad batch. */
export async function feedFromReadModels(
  hub: LiveHub,
  sources: ReadModelFeedSources,
  onError: (error: unknown) => void = () => {},
): Promise<void> {
  let pending = new Map<string, number>();
  let flushing: Promise<void> | undefined;

  const flush = async () => {
    while (pending.size > 0) {
      const batch = pending;
      pending = new Map();
      const upTo = Math.max(...batch.values());
      try {
        await sources.waitForPosition(upTo);
        for (const caseId of batch.keys()) {
          const summary = sources.caseSummary(caseId);
          if (summary !== undefined) hub.publish(caseUpdateOf(summary));
        }
        hub.publish({ kind: 'stats', position: upTo });
      } catch (error) {
        onError(error);
        hub.publish({ kind: 'stats', position: null });
      }
    }
    flushing = undefined;
  };

  for await (const change of sources.changes) {
    const caseId = sources.caseIdOf(change.streamId);
    if (caseId === undefined) continue;
    pending.set(caseId, Math.max(pending.get(caseId) ?? 0, change.position));
    flushing ??= flush();
  }
  await flushing;
}
