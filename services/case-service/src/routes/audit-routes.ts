/**
 * The auditors' endpoints (issue 6), mounted into the case service behind its token check:
 * GET /v1/cases/{caseId}/history, /verification and /export, GET /v1/stats/national and
 * /v1/stats/public, GET /v1/audit/access-log. The work is @casetrail/audit's; this module only
 * checks the policy, parses the query and answers (problem+json on every refusal). It reads
 * the log and never writes to it; decrypted personal data goes out only to agencies allowed
 * to read it, after the access log has recorded the read. Nothing here logs a body.
 */
import {
  CaseNotFoundError,
  exportCase,
  InvalidAuditQueryError,
  listAccessLog,
  type NationalStatisticsDeps,
  nationalStatistics,
  parseAccessLogFilter,
  parseAsOf,
  parseCaseId,
  publicNationalStatistics,
  type Reader,
  readCaseHistory,
  verifyCase,
} from '@casetrail/audit';
import { PolicyAction } from '@casetrail/domain';
import { AccessRecordSchema } from '@casetrail/personal-data';
import type { Context, Hono } from 'hono';
import { permissionOf, refuseUnlessAllowed } from '../commands/authorize.ts';
import { problem, problemResponse } from '../http/problem.ts';
import type { RouteDeps } from '../http/route-deps.ts';
import type { ServiceEnv } from '../http/service-env.ts';

export type AuditRouteDeps = Pick<RouteDeps, 'store' | 'vault' | 'accessLog' | 'policy' | 'now'> & {
  /** The projector's live national summary, when this process runs one. */
  readonly nationalReadModel?: NationalStatisticsDeps['readModel'];
};

type Handler = (c: Context<ServiceEnv>) => Promise<Response>;

const noStore = { 'Cache-Control': 'private, no-store', Vary: 'Authorization' };

export function registerAuditRoutes(app: Hono<ServiceEnv>, deps: AuditRouteDeps): void {
  const guarded = (action: PolicyAction, handler: Handler) => async (c: Context<ServiceEnv>) => {
    const forbidden = refuseUnlessAllowed(deps.policy, c.get('actor'), action);
    if (forbidden) return problemResponse(c, forbidden);
    try {
      return await handler(c);
    } catch (error) {
      return answerError(c, error);
    }
  };
  const audit = {
    store: deps.store,
    personalData: { vault: deps.vault, accessLog: deps.accessLog },
    now: deps.now,
  };
  const stats = { store: deps.store, readModel: deps.nationalReadModel };

  app.get(
    '/v1/cases/:caseId/history',
    guarded(PolicyAction.REPLAY_HISTORY, async (c) => {
      const caseId = parseCaseId(c.req.param('caseId'));
      const asOf = parseAsOf({ asOf: c.req.query('asOf'), time: c.req.query('time') });
      const history = await readCaseHistory(audit, {
        caseId,
        asOf,
        reader: readerOf(c, deps, 'api'),
      });
      return c.json(history, 200, noStore);
    }),
  );

  app.get(
    '/v1/cases/:caseId/export',
    guarded(PolicyAction.REPLAY_HISTORY, async (c) => {
      const caseId = parseCaseId(c.req.param('caseId'));
      const document = await exportCase(audit, { caseId, reader: readerOf(c, deps, 'export') });
      return c.json(document, 200, {
        ...noStore,
        'Content-Disposition': `attachment; filename="case-${caseId}-export.json"`,
      });
    }),
  );

  app.get(
    '/v1/cases/:caseId/verification',
    guarded(PolicyAction.VERIFY_INTEGRITY, async (c) => {
      const caseId = parseCaseId(c.req.param('caseId'));
      return c.json(await verifyCase(deps.store, caseId, deps.now), 200, noStore);
    }),
  );

  app.get(
    '/v1/stats/national',
    guarded(PolicyAction.READ_STATISTICS, async (c) => {
      const asOf = parseAsOf({ asOf: c.req.query('asOf'), time: c.req.query('time') });
      const { source, summary } = await nationalStatistics(stats, asOf);
      return c.json(summary, 200, { 'X-Casetrail-Source': source });
    }),
  );

  app.get(
    '/v1/stats/public',
    guarded(PolicyAction.READ_STATISTICS, async (c) => {
      const asOf = parseAsOf({ asOf: c.req.query('asOf'), time: c.req.query('time') });
      const { source, statistics } = await publicNationalStatistics(stats, asOf);
      return c.json(statistics, 200, { 'X-Casetrail-Source': source });
    }),
  );

  app.get(
    '/v1/audit/access-log',
    guarded(PolicyAction.REPLAY_HISTORY, async (c) => {
      const filter = parseAccessLogFilter(c.req.query());
      return c.json(await listAccessLog(deps.accessLog, filter), 200, noStore);
    }),
  );
}

function readerOf(
  c: Context<ServiceEnv>,
  deps: AuditRouteDeps,
  channel: Reader['channel'],
): Reader {
  const actor = c.get('actor');
  const purpose = c.req.header('x-purpose');
  if (purpose !== undefined && !AccessRecordSchema.shape.purpose.safeParse(purpose).success) {
    throw new InvalidAuditQueryError([
      { field: 'X-Purpose', message: 'must be 1 to 500 characters without control characters' },
    ]);
  }
  return {
    actor: { agency: actor.agency, sub: actor.sub },
    permission: permissionOf(deps.policy, actor, PolicyAction.READ_PERSONAL_DATA),
    purpose,
    channel,
  };
}

function answerError(c: Context<ServiceEnv>, error: unknown): Response {
  if (error instanceof InvalidAuditQueryError) {
    return problemResponse(
      c,
      problem('InvalidInput', 'the request is invalid', { errors: error.problems }),
    );
  }
  if (error instanceof CaseNotFoundError) {
    return problemResponse(
      c,
      problem('CaseNotFound', 'there is no case with this id', { code: 'CaseNotFound' }),
    );
  }
  throw error;
}
