/**
 * The policy check for one request: which permission the caller's agency has for an action.
 * A token naming an agency the domain does not know gets nothing (403), never an error.
 */
import {
  type Agency,
  agencySchema,
  Permission,
  type Policy,
  type PolicyAction,
  permission,
} from '@casetrail/domain';
import type { Actor } from '../auth/token-verifier.ts';
import { type Problem, problem } from '../http/problem.ts';

export function agencyOf(actor: Actor): Agency | undefined {
  const parsed = agencySchema.safeParse(actor.agency);
  return parsed.success ? parsed.data : undefined;
}

export function permissionOf(policy: Policy, actor: Actor, action: PolicyAction): Permission {
  const agency = agencyOf(actor);
  return agency === undefined ? Permission.DENIED : permission(policy, agency, action);
}

/** A 403 problem when the agency may not fully do `action`; undefined when it may. */
export function refuseUnlessAllowed(
  policy: Policy,
  actor: Actor,
  action: PolicyAction,
): Problem | undefined {
  if (permissionOf(policy, actor, action) === Permission.ALLOWED) return undefined;
  return problem(
    'Forbidden',
    `agency '${clip(actor.agency)}' may not ${action.replaceAll('-', ' ')}`,
  );
}

function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
