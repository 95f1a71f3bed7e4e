/**
 * Fans live updates out to every connected dashboard. Keeps the last case updates so a page
 * that opens can show recent activity at once. Publishing never blocks on a slow listener:
 * listeners are called synchronously and must queue for themselves. Every update is parsed
 * through the whitelist schema first, so only non-personal fields are ever held or sent.
 */
import { type CaseUpdate, type LiveUpdate, LiveUpdateSchema } from './live-update.ts';

export type LiveListener = (update: LiveUpdate) => void;

export type LiveHub = {
  /** Parses and fans out; returns false (and drops it) when the update is malformed. */
  publish(update: unknown): boolean;
  subscribe(listener: LiveListener): () => void;
  /** The most recent case updates, newest first, one per case. */
  recent(): readonly CaseUpdate[];
  readonly listeners: number;
};

export function createLiveHub({ keep = 50 }: { keep?: number } = {}): LiveHub {
  const listeners = new Set<LiveListener>();
  const recent = new Map<string, CaseUpdate>();
  return {
    publish(raw) {
      const parsed = LiveUpdateSchema.safeParse(raw);
      if (!parsed.success) return false;
      const update = parsed.data;
      if (update.kind === 'case') {
        recent.delete(update.caseId);
        recent.set(update.caseId, update);
        if (recent.size > keep) recent.delete(recent.keys().next().value as string);
      }
      for (const listener of listeners) listener(update);
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recent: () => [...recent.values()].reverse(),
    get listeners() {
      return listeners.size;
    },
  };
}
