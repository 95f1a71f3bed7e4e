/**
 * One POST route per command of the domain's registry (so a route cannot drift from its
 * command): policy (403), JSON body (415/413/400), strict schema (400), If-Match and
 * Idempotency-Key headers (400), then the command, once per idempotency key.
 */
import { type CaseCommandType, caseCommandRegistry, caseCommandTypes } from '@casetrail/domain';
import type { Context, Hono } from 'hono';
import { parseIfMatch } from '../http/if-match.ts';
import { problem, problemResponse } from '../http/problem.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import { sendAnswer } from '../http/send-answer.ts';
import type { ServiceEnv } from '../http/service-env.ts';
import { requestFingerprint } from '../idempotency/request-fingerprint.ts';
import { agencyOf, refuseUnlessAllowed } from './authorize.ts';
import { executeCommand } from './execute-command.ts';
import { parseCommandRequest } from './parse-command-request.ts';

const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** `/v1/cases/{caseId}/rescue` -> `/v1/cases/:caseId/rescue` */
export function honoPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1');
}

export function registerCommandRoutes(app: Hono<ServiceEnv>, deps: RouteDeps): void {
  for (const type of caseCommandTypes) {
    app.post(honoPath(caseCommandRegistry[type].route.path), (c) => handle(c, type, deps));
  }
}

async function handle(c: Context<ServiceEnv>, type: CaseCommandType, deps: RouteDeps) {
  const actor = c.get('actor');
  const forbidden = refuseUnlessAllowed(deps.policy, actor, caseCommandRegistry[type].action);
  const agency = agencyOf(actor);
  if (forbidden || !agency)
    return problemResponse(c, forbidden ?? problem('Forbidden', 'unknown agency'));

  const body = await readJsonBody(c.req.raw, deps.bodyLimitBytes);
  if (!body.ok) {
    const close = body.problem.status === 413 ? { Connection: 'close' } : undefined;
    return problemResponse(c, body.problem, close);
  }
  const params = { caseId: c.req.param('caseId'), handoverId: c.req.param('handoverId') };
  const parsed = parseCommandRequest(type, body.value, params);
  if (!parsed.ok) return problemResponse(c, parsed.problem);

  const ifMatch = parseIfMatch(c.req.header('if-match'));
  const key = c.req.header('idempotency-key');
  const headerErrors = [
    ...(ifMatch.kind === 'invalid'
      ? [{ field: 'If-Match', message: 'must be a quoted revision, e.g. "3"' }]
      : []),
    ...(key !== undefined && !idempotencyKeyPattern.test(key)
      ? [{ field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' }]
      : []),
  ];
  if (headerErrors.length > 0) {
    return problemResponse(
      c,
      problem('InvalidInput', 'a request header is invalid', { errors: headerErrors }),
    );
  }

  const run = (requestId?: string) =>
    executeCommand(deps.commands, {
      command: parsed.command,
      ...(params.caseId ? { caseId: params.caseId } : {}),
      actor: { agency, sub: actor.sub },
      correlationId: c.get('correlationId'),
      ...(ifMatch.kind === 'revision' ? { ifMatch: ifMatch.revision } : {}),
      ...(requestId ? { requestId } : {}),
    });
  if (key === undefined) return sendAnswer(c, await run());
  const fingerprint = requestFingerprint('POST', c.req.path, body.value);
  return sendAnswer(c, await deps.idempotency(agency, key, fingerprint, run));
}
