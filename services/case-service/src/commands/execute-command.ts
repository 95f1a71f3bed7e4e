/**
 * Executes one command against a case: load the stream, decide, seal personal fields, append
 * with the expected revision. Without If-Match a concurrency conflict is retried (bounded);
 * with it a moved case is 412. Answers are what the HTTP layer sends and the idempotency
 * store keeps. Used by the HTTP routes and, in-process, by the benchmark.
 */
import {
  type Agency,
  type CaseCommand,
  caseCommandRegistry,
  caseEventRegistry,
  caseStreamId,
  type DecisionContext,
  decide,
} from '@casetrail/domain';
import { isConcurrencyError, type NewEvent } from '@casetrail/event-store';
import { etag } from '../http/if-match.ts';
import { caseNotFound, type Problem, problem } from '../http/problem.ts';
import { consecutiveIds, derivedIds, lastRecordedFrom } from '../idempotency/derived-ids.ts';
import type { StoredAnswer } from '../idempotency/idempotency-store.ts';
import type { CommandContext } from './command-context.ts';
import { decisionProblem } from './decision-problem.ts';
import { type LoadedCase, loadCase } from './load-case.ts';
import { newUlid } from './new-ulid.ts';

export type CommandRequest = {
  readonly command: CaseCommand;
  /** The case acted on; absent for ReportCase (the id is derived from the request id). */
  readonly caseId?: string;
  readonly actor: { readonly agency: Agency; readonly sub: string };
  readonly correlationId: string;
  /** The revision the caller saw (If-Match); absent: conflicts are retried. */
  readonly ifMatch?: number;
  /** Seeds every id the command needs; the idempotency claim's id when there is one. */
  readonly requestId?: string;
};

/** An answer, and whether it is final (kept for Idempotency-Key retries) or retryable. */
export type CommandAnswer = StoredAnswer & { readonly final: boolean };

export async function executeCommand(
  context: CommandContext,
  request: CommandRequest,
): Promise<CommandAnswer> {
  const ids = derivedIds(request.requestId ?? newUlid());
  const caseId = request.caseId ?? ids.next();
  const handoverId = request.command.type === 'OfferHandover' ? ids.next() : undefined;
  const firstEventId = ids.next();
  return context.lock(caseId, () =>
    attempt(context, request, { caseId, handoverId, firstEventId }, 1),
  );
}

type Drawn = {
  readonly caseId: string;
  readonly handoverId: string | undefined;
  /** Id of the command's first event; the others follow it (see consecutiveIds). */
  readonly firstEventId: string;
};

async function attempt(
  context: CommandContext,
  request: CommandRequest,
  drawn: Drawn,
  attemptNumber: number,
): Promise<CommandAnswer> {
  const { command } = request;
  const loaded = await loadCase(context.store, drawn.caseId);
  const recorded = lastRecordedFrom(loaded.records, drawn.firstEventId);
  if (recorded) {
    // An earlier attempt with this request id was recorded but its answer was lost.
    if (command.type === 'ErasePersonalData') await context.vault.erase(drawn.caseId);
    return success(request, drawn, loaded, recorded);
  }
  if (loaded.state.status === 'unreported' && command.type !== 'ReportCase') {
    return refusal(caseNotFound());
  }
  if (request.ifMatch !== undefined && request.ifMatch !== loaded.revision) {
    return refusal(stale(request.ifMatch, loaded.revision));
  }
  const decision = decide(loaded.state, command, await decisionContext(context, request, drawn));
  if (!decision.ok) return refusal(decisionProblem(decision.error));

  const eventIds = consecutiveIds(drawn.firstEventId, decision.events.length);
  const events: NewEvent[] = [];
  for (const [index, event] of decision.events.entries()) {
    events.push({
      id: eventIds[index] ?? drawn.firstEventId,
      type: event.type,
      schemaVersion: caseEventRegistry[event.type].schemaVersion,
      data: await context.vault.seal(drawn.caseId, event.type, event.data),
      metadata: {
        actor: { agency: request.actor.agency, sub: request.actor.sub },
        correlationId: request.correlationId,
        occurredAt: decision.occurredAt,
      },
    });
  }
  try {
    const result = await context.store.append(caseStreamId(drawn.caseId), events, {
      expectedRevision: loaded.revision ?? 'no_stream',
    });
    context.metrics.countAppend(events.length);
    if (command.type === 'ErasePersonalData') await context.vault.erase(drawn.caseId);
    return success(request, drawn, loaded, result.events.at(-1));
  } catch (error) {
    if (!isConcurrencyError(error)) throw error;
    context.metrics.countConflict();
    if (request.ifMatch !== undefined) return refusal(stale(request.ifMatch, error.actual));
    if (attemptNumber >= context.maxAttempts) {
      return {
        ...answerOf(
          problem(
            'ConcurrencyConflict',
            `the case kept changing over ${attemptNumber} attempts; retry`,
          ),
        ),
        final: false,
      };
    }
    await jitter(attemptNumber);
    return attempt(context, request, drawn, attemptNumber + 1);
  }
}

async function decisionContext(
  context: CommandContext,
  request: CommandRequest,
  drawn: Drawn,
): Promise<DecisionContext> {
  const { command } = request;
  const duplicateTarget =
    command.type === 'LinkDuplicate' && command.data.duplicateOf !== drawn.caseId
      ? (await loadCase(context.store, command.data.duplicateOf)).state
      : undefined;
  return {
    now: context.now().toISOString(),
    actor: request.actor,
    caseId: drawn.caseId,
    ...(drawn.handoverId ? { handoverId: drawn.handoverId } : {}),
    ...(duplicateTarget ? { duplicateTarget } : {}),
  };
}

function success(
  request: CommandRequest,
  drawn: Drawn,
  loaded: LoadedCase,
  last: { revision: number; position: number } | undefined,
): CommandAnswer {
  const revision = last?.revision ?? loaded.revision ?? 0;
  const position = last?.position ?? loaded.position ?? 0;
  const status = caseCommandRegistry[request.command.type].successStatus;
  const body = {
    caseId: drawn.caseId,
    revision,
    position,
    ...(drawn.handoverId ? { handoverId: drawn.handoverId } : {}),
  };
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ETag: etag(revision),
  };
  if (request.command.type === 'ReportCase') headers.Location = `/v1/cases/${drawn.caseId}`;
  return { status, headers, body: JSON.stringify(body), final: true };
}

function stale(expected: number, actual: number | undefined): Problem {
  return problem(
    'StaleRevision',
    `If-Match named revision ${expected} but the case is at revision ${actual ?? 'none'}`,
  );
}

function refusal(value: Problem): CommandAnswer {
  return { ...answerOf(value), final: true };
}

export function answerOf(value: Problem): StoredAnswer {
  return {
    status: value.status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(value),
  };
}

/** A short random pause before retrying, so racing writers in other processes spread out. */
function jitter(attemptNumber: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** attemptNumber);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
