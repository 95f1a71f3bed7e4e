import { expect } from 'vitest';
import { caseInvariantViolations } from '../case-lifecycle/case-invariants.ts';
import { type CaseState, initialCaseState } from '../case-lifecycle/case-state.ts';
import { type Decision, decide } from '../case-lifecycle/decide.ts';
import type { DecisionContext } from '../case-lifecycle/decision-context.ts';
import type { DecisionErrorCode } from '../case-lifecycle/decision-error.ts';
import { type EventMeta, evolve } from '../case-lifecycle/evolve.ts';
import type { CaseCommand } from '../commands/case-command-registry.ts';
import type { CaseEvent, StoredCaseEvent } from '../events/case-event-registry.ts';
import { parseCaseEvent } from '../events/parse-case-event.ts';
import { context as defaultContext, PERSONAL_MARKERS, REPORTED_AT } from './case-fixtures.ts';

/**
 * given(events) / when(command) / then(events) | thenRefuses(code), after Emmett's
 * DeciderSpecification. `then` also checks that the events are valid under their strict
 * schemas and that folding them keeps every invariant; `thenRefuses` that the message
 * carries no personal data.
 */
export type Given =
  | StoredCaseEvent
  | { readonly event: StoredCaseEvent; readonly meta: Partial<EventMeta> };

const DEFAULT_META: EventMeta = { occurredAt: REPORTED_AT, agency: 'pdrm' };

export function stateOf(history: readonly Given[]): CaseState {
  return history.reduce<CaseState>((state, entry) => {
    const { event, meta } = 'event' in entry ? entry : { event: entry, meta: {} };
    return evolve(state, event, { ...DEFAULT_META, ...meta });
  }, initialCaseState);
}

export function given(history: readonly Given[]) {
  const state = stateOf(history);
  return {
    when(command: CaseCommand, overrides: Partial<DecisionContext> = {}) {
      const context = defaultContext(overrides);
      const decision = decide(state, command, context);
      return {
        decision,
        // biome-ignore lint/suspicious/noThenProperty: given/when/then is the specification's vocabulary; this object is never awaited.
        then(expected: readonly CaseEvent[]): Extract<Decision, { ok: true }> {
          expect(decision).toMatchObject({ ok: true });
          if (!decision.ok) throw new Error('unreachable');
          expect(decision.events).toStrictEqual(expected);
          for (const e of decision.events) expect(parseCaseEvent(e).ok).toBe(true);
          const after = decision.events.reduce<CaseState>(
            (s, e) =>
              evolve(s, e, { occurredAt: decision.occurredAt, agency: context.actor.agency }),
            state,
          );
          expect(caseInvariantViolations(after)).toEqual([]);
          return decision;
        },
        thenRefuses(code: DecisionErrorCode) {
          expect(decision.ok ? 'accepted' : decision.error.code).toBe(code);
          if (decision.ok) throw new Error('unreachable');
          for (const marker of PERSONAL_MARKERS)
            expect(decision.error.message).not.toContain(marker);
          return decision.error;
        },
      };
    },
  };
}
