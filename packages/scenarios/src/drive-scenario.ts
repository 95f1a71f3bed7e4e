/**
 * Drives a scenario through a running engine's HTTP API as the agencies would: several
 * agencies at once, each officer with its own token and client, every case's actions in
 * order, different cases in parallel. Each action carries a stable idempotency key (scenario,
 * seed, action number), so driving the same scenario twice records nothing new. A refusal
 * stops the drive and names the action, never its body (the body holds personal data).
 */
import type { CaseCommandType } from '@casetrail/domain';
import type { Scenario, ScenarioAction } from './scenario.ts';

/** What the driver needs from the service: send one command, get the ids it answered. */
export type CommandSender = (request: {
  readonly command: CaseCommandType;
  readonly caseId: string | undefined;
  readonly handoverId: string | undefined;
  readonly body: Readonly<Record<string, unknown>>;
  readonly idempotencyKey: string;
}) => Promise<{ readonly caseId: string; readonly handoverId?: string | undefined }>;

export type DriveOptions = {
  /** One sender per officer (agency and token subject), e.g. a client with its own token. */
  readonly senderFor: (agency: string, sub: string) => CommandSender;
  /** Cases driven at once (default 16). */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
};

export type DriveResult = {
  /** The service's case id of each caseRef. */
  readonly caseIds: ReadonlyMap<string, string>;
  readonly actions: number;
  readonly elapsedMs: number;
};

export class ScenarioActionFailedError extends Error {
  readonly code = 'ScenarioActionFailed' as const;
  override readonly name = 'ScenarioActionFailedError';
  readonly seq: number;
  constructor(action: ScenarioAction, cause: unknown) {
    const reason =
      (cause as { code?: unknown; rule?: unknown })?.rule ?? (cause as { code?: unknown })?.code;
    super(
      `action #${action.seq} (${action.command} on ${action.caseRef} by ${action.agency}) failed: ${String(reason ?? (cause instanceof Error ? cause.name : 'error'))}`,
      { cause },
    );
    this.seq = action.seq;
  }
}

export async function driveScenario(
  scenario: Scenario,
  options: DriveOptions,
): Promise<DriveResult> {
  const started = performance.now();
  const total = scenario.actions.length;
  const byCase = Map.groupBy(scenario.actions, (action) => action.caseRef);
  const queue = [...byCase.values()];
  const caseIds = new Map<string, string>();
  const reported = new Map<string, PromiseWithResolvers<string>>();
  const reportOf = (caseRef: string) => {
    let entry = reported.get(caseRef);
    if (entry === undefined) {
      entry = Promise.withResolvers<string>();
      entry.promise.catch(() => {});
      reported.set(caseRef, entry);
    }
    return entry;
  };
  const handovers = new Map<number, string>();
  const senders = new Map<string, CommandSender>();
  const senderOf = (action: ScenarioAction) => {
    const key = `${action.agency}\u0000${action.sub}`;
    let sender = senders.get(key);
    if (sender === undefined) {
      sender = options.senderFor(action.agency, action.sub);
      senders.set(key, sender);
    }
    return sender;
  };
  let done = 0;
  let failure: unknown;

  const run = async (action: ScenarioAction) => {
    const body: Record<string, unknown> = { ...action.body };
    if (action.refs?.duplicateOf !== undefined) {
      body.duplicateOf = await reportOf(action.refs.duplicateOf).promise;
    }
    const handoverId =
      action.refs?.handoverOffer === undefined
        ? undefined
        : handovers.get(action.refs.handoverOffer);
    const answer = await senderOf(action)({
      command: action.command,
      caseId: caseIds.get(action.caseRef),
      handoverId,
      body,
      idempotencyKey: `scenario:${scenario.name}:${scenario.seed}:${action.seq}`,
    });
    if (action.command === 'ReportCase') {
      caseIds.set(action.caseRef, answer.caseId);
      reportOf(action.caseRef).resolve(answer.caseId);
    }
    if (action.command === 'OfferHandover' && answer.handoverId !== undefined) {
      handovers.set(action.seq, answer.handoverId);
    }
  };

  const worker = async () => {
    for (let actions = queue.shift(); actions !== undefined; actions = queue.shift()) {
      for (const action of actions) {
        if (failure !== undefined || options.signal?.aborted) return;
        try {
          await run(action);
        } catch (error) {
          failure ??= new ScenarioActionFailedError(action, error);
          for (const entry of reported.values()) entry.reject(failure);
          return;
        }
        done += 1;
        options.onProgress?.(done, total);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  if (failure !== undefined) throw failure;
  options.signal?.throwIfAborted();
  return { caseIds, actions: done, elapsedMs: performance.now() - started };
}
