/**
 * GET /v1/cases/{caseId}: the case summary folded from the stream (not a projection), with
 * its revision as ETag. Personal data is added for agencies the policy lets read it: opened
 * (and written to the access log first: no log entry, no data) or masked (auditors).
 */
import { caseIdSchema, Permission, PolicyAction, summarizeCase } from '@casetrail/domain';
import { AccessRecordSchema } from '@casetrail/personal-data';
import type { Context, Hono } from 'hono';
import { permissionOf, refuseUnlessAllowed } from '../commands/authorize.ts';
import { loadCase } from '../commands/load-case.ts';
import { etag } from '../http/if-match.ts';
import { caseNotFound, problem, problemResponse } from '../http/problem.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import type { ServiceEnv } from '../http/service-env.ts';
import { personalRecords } from './personal-records.ts';

const purposeSchema = AccessRecordSchema.shape.purpose;

export function registerCaseRoutes(app: Hono<ServiceEnv>, deps: RouteDeps): void {
  app.get('/v1/cases/:caseId', (c) => readCase(c, deps));
}

async function readCase(c: Context<ServiceEnv>, deps: RouteDeps) {
  const actor = c.get('actor');
  const forbidden = refuseUnlessAllowed(deps.policy, actor, PolicyAction.READ_CASE_SUMMARY);
  if (forbidden) return problemResponse(c, forbidden);
  const caseId = c.req.param('caseId') ?? '';
  const purpose = c.req.header('x-purpose');
  const errors = [
    ...(caseIdSchema.safeParse(caseId).success
      ? []
      : [{ field: 'caseId', message: 'path parameter caseId must be a ULID' }]),
    ...(purpose === undefined || purposeSchema.safeParse(purpose).success
      ? []
      : [
          { field: 'X-Purpose', message: 'must be 1 to 500 characters without control characters' },
        ]),
  ];
  if (errors.length > 0) {
    return problemResponse(c, problem('InvalidInput', 'the request is invalid', { errors }));
  }

  const loaded = await loadCase(deps.store, caseId);
  if (loaded.state.status === 'unreported' || loaded.revision === undefined) {
    return problemResponse(c, caseNotFound());
  }
  const tag = etag(loaded.revision);
  const access = permissionOf(deps.policy, actor, PolicyAction.READ_PERSONAL_DATA);
  // Vary on the caller: the same revision reads differently for different agencies.
  const headers = { ETag: tag, 'Cache-Control': 'private, no-store', Vary: 'Authorization' };
  if (c.req.header('if-none-match') === tag && access === Permission.DENIED) {
    return c.body(null, 304, headers);
  }

  let personalData: { access: 'full' | 'masked'; records: unknown[] } | undefined;
  if (access === Permission.ALLOWED) {
    await deps.accessLog.record({
      actor: { agency: actor.agency, sub: actor.sub },
      caseId,
      ...(purpose ? { purpose } : {}),
      channel: 'api',
      at: deps.now().toISOString(),
    });
    const records = await personalRecords(loaded.records, (type, data) =>
      deps.vault.open(caseId, type, data),
    );
    personalData = { access: 'full', records };
  } else if (access === Permission.MASKED) {
    const records = await personalRecords(loaded.records, (type, data) =>
      deps.vault.mask(type, data),
    );
    personalData = { access: 'masked', records };
  }
  return c.json(
    {
      caseId,
      revision: loaded.revision,
      position: loaded.position,
      summary: summarizeCase(loaded.state),
      ...(personalData ? { personalData } : {}),
    },
    200,
    headers,
  );
}
