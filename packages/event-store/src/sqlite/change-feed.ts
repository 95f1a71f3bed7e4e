/**
 * How a live SQLite subscriber learns that the log grew, without polling at full speed:
 *
 * - In this process, every store on the same file shares one LocalChangeFeed; an append bumps
 *   its sequence and wakes waiting subscribers at once.
 * - Other processes' commits are seen through `PRAGMA data_version` (it changes when another
 *   connection commits; a cheap shared-memory read in WAL mode), polled with an adaptive
 *   back-off: every 2 ms right after activity, doubling to at most 100 ms while idle.
 *
 * A waiter is given the sequence and data_version observed BEFORE its last read, so a commit
 * landing between that read and the wait is never missed. It must never resolve late because
 * of a missed wake-up, and never spin.
 */
import { realpathSync } from 'node:fs';

export type LocalChangeFeed = {
  readonly sequence: number;
  notify(): void;
  onChange(listener: () => void): () => void;
};

const feeds = new Map<string, { sequence: number; listeners: Set<() => void> }>();

/** The feed shared by every store of this process opened on the file at `path`. */
export function localChangeFeed(path: string): LocalChangeFeed {
  const key = realpathSync(path);
  let feed = feeds.get(key);
  if (!feed) {
    feed = { sequence: 0, listeners: new Set() };
    feeds.set(key, feed);
  }
  const state = feed;
  return {
    get sequence() {
      return state.sequence;
    },
    notify() {
      state.sequence += 1;
      for (const listener of [...state.listeners]) listener();
    },
    onChange(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
}

export type ChangeWait = {
  readonly feed: LocalChangeFeed;
  readonly sinceSequence: number;
  readonly dataVersion: () => number;
  readonly sinceDataVersion: number;
  readonly signal: AbortSignal;
  readonly minPollMs?: number;
  readonly maxPollMs?: number;
};

/** Resolves when the log may have changed since the given observation, or on abort. */
export function waitForChange(wait: ChangeWait): Promise<void> {
  const { feed, signal, minPollMs = 2, maxPollMs = 100 } = wait;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = minPollMs;
    const finish = () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const changed = () =>
      signal.aborted ||
      feed.sequence !== wait.sinceSequence ||
      wait.dataVersion() !== wait.sinceDataVersion;
    const poll = () => {
      if (changed()) return finish();
      delay = Math.min(delay * 2, maxPollMs);
      timer = setTimeout(poll, delay);
    };
    const unsubscribe = feed.onChange(finish);
    signal.addEventListener('abort', finish);
    if (changed()) return finish();
    timer = setTimeout(poll, delay);
  });
}
