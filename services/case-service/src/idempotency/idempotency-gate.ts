/**
 * Runs a command at most once per (agency, Idempotency-Key): the first request claims the
 * key and its answer is stored; a retry with the same request gets that answer again and
 * records nothing; the same key with another request is refused (422). Concurrent requests
 * with one key in this process wait for the first and share its answer; across processes the
 * SQLite claim decides, and a waiter polls until the holder answers.
 */
import { answerOf, type CommandAnswer } from '../commands/execute-command.ts';
import { problem } from '../http/problem.ts';
import type { CaseServiceMetrics } from '../observability/metrics.ts';
import type { IdempotencyStore, StoredAnswer } from './idempotency-store.ts';

export type IdempotencyGate = (
  agency: string,
  key: string,
  fingerprint: string,
  run: (requestId: string) => Promise<CommandAnswer>,
) => Promise<StoredAnswer>;

export type IdempotencyGateOptions = {
  readonly store: IdempotencyStore;
  readonly metrics: CaseServiceMetrics;
  /** How long to wait for another process holding the key before answering 409. */
  readonly waitMs?: number;
};

export function createIdempotencyGate(options: IdempotencyGateOptions): IdempotencyGate {
  const { store, metrics } = options;
  const waitMs = options.waitMs ?? 5_000;
  const running = new Map<string, Promise<unknown>>();

  return async (agency, key, fingerprint, run) => {
    const slot = `${agency}\u0000${key}`;
    const deadline = Date.now() + waitMs;
    for (let polls = 0; ; polls += 1) {
      const pending = running.get(slot);
      if (pending) {
        await pending.catch(() => undefined);
        continue;
      }
      const claim = store.claim(agency, key, fingerprint);
      switch (claim.kind) {
        case 'replay':
          metrics.countIdempotentReplay();
          return {
            ...claim.answer,
            headers: { ...claim.answer.headers, 'Idempotent-Replayed': 'true' },
          };
        case 'mismatch':
          return answerOf(
            problem(
              'IdempotencyKeyReused',
              'this Idempotency-Key was used for a different request; use a new key',
            ),
          );
        case 'in-progress':
          if (Date.now() > deadline) {
            return answerOf(
              problem('IdempotencyInProgress', 'a request with this key is still running; retry'),
            );
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** polls)));
          continue;
        case 'claimed': {
          const execution = execute(store, agency, key, claim.requestId, run);
          running.set(slot, execution);
          try {
            return await execution;
          } finally {
            running.delete(slot);
          }
        }
      }
    }
  };
}

async function execute(
  store: IdempotencyStore,
  agency: string,
  key: string,
  requestId: string,
  run: (requestId: string) => Promise<CommandAnswer>,
): Promise<StoredAnswer> {
  let answer: CommandAnswer;
  try {
    answer = await run(requestId);
  } catch (error) {
    store.release(agency, key, requestId);
    throw error;
  }
  const { final, ...stored } = answer;
  if (final) store.complete(agency, key, requestId, stored);
  else store.release(agency, key, requestId);
  return stored;
}
