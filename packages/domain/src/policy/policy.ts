import { z } from 'zod';
import { issuesOf, type ParseResult } from '../input-issues.ts';
import { type Agency, agencySchema } from '../vocabulary/agency.ts';
import { defaultPolicy } from './default-policy.ts';
import { Permission, PolicyAction, policyActionSchema, policyActions } from './policy-action.ts';

/**
 * Who may do what: a pure lookup over a policy (the default, or configuration's override).
 * Hand-over roles (only the receiver answers, only the offerer revokes) are domain rules in
 * `decide`, not policy: they depend on the case, not on the agency alone.
 */
export type ActionRule = { readonly allow: readonly Agency[]; readonly masked: readonly Agency[] };
export type Policy = { readonly [A in PolicyAction]: ActionRule };

const ruleSchema = z.strictObject({
  allow: z.array(agencySchema),
  masked: z.array(agencySchema).optional(),
});

/**
 * A policy document from configuration: the actions it lists replace the default's rules;
 * the others keep the default. Two rules are not configurable: only the DPO may erase
 * personal data (DOMAIN.md), and `masked` applies only to reading personal data.
 */
export const policyDocumentSchema = z
  .strictObject({ actions: z.partialRecord(policyActionSchema, ruleSchema) })
  .superRefine((doc, ctx) => {
    for (const [action, rule] of Object.entries(doc.actions)) {
      if (rule === undefined) continue;
      const path = ['actions', action];
      const erase = action === PolicyAction.ERASE_PERSONAL_DATA;
      if (erase && rule.allow.some((a) => a !== 'dpo')) {
        ctx.addIssue({ code: 'custom', path, message: 'only dpo may erase personal data' });
      }
      if (rule.masked?.length && action !== PolicyAction.READ_PERSONAL_DATA) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: 'masked applies only to read-personal-data',
        });
      }
      if (rule.masked?.some((a) => rule.allow.includes(a))) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: 'an agency cannot be both allowed and masked',
        });
      }
    }
  });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** The default policy with a document's rules applied over it. */
export function resolvePolicy(document?: PolicyDocument): Policy {
  const rules = Object.fromEntries(
    policyActions.map((action) => {
      const override = document?.actions[action];
      const rule = override
        ? { allow: override.allow, masked: override.masked ?? [] }
        : defaultPolicy[action];
      return [action, rule];
    }),
  );
  return rules as Policy;
}

/** Parses a policy document from configuration (e.g. JSON) into a full policy. */
export function parsePolicyDocument(input: unknown): ParseResult<Policy> {
  const result = policyDocumentSchema.safeParse(input);
  if (!result.success) return { ok: false, issues: issuesOf(result.error) };
  return { ok: true, value: resolvePolicy(result.data) };
}

/** What `agency` gets for `action`: allowed, masked (personal data reads only) or denied. */
export function permission(policy: Policy, agency: Agency, action: PolicyAction): Permission {
  const rule = policy[action];
  if (rule.allow.includes(agency)) return Permission.ALLOWED;
  if (rule.masked.includes(agency)) return Permission.MASKED;
  return Permission.DENIED;
}

/**
 * True only when the agency may fully do the action. A masked reader of personal data gets
 * `false` here: ask `permission()` to serve it the masked view.
 */
export function isAllowed(policy: Policy, agency: Agency, action: PolicyAction): boolean {
  return permission(policy, agency, action) === Permission.ALLOWED;
}
