/**
 * Test support for the audit end-to-end tests: the real case service on a real loopback port,
 * on a real SQLite event store whose clock the test sets (so store time and business time can
 * differ), with the real key store, access log and idempotency file in a temporary directory,
 * and its log lines collected so they can be searched for personal data. Nothing is mocked.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  createLogger,
  createTokenVerifier,
  loadOrCreateJwtSecret,
  mintToken,
  openIdempotencyStore,
  type RunningCaseService,
  startCaseService,
} from '@casetrail/case-service';
import type { Policy } from '@casetrail/domain';
import { openSqliteEventStore } from '@casetrail/event-store';
import { domainPersonalPaths, openEmbeddedPersonalData } from '@casetrail/personal-data';
import {
  jsonLogger,
  type Projector,
  readNationalSummary,
  startProjector,
} from '@casetrail/projector';
import { tempDir } from '@casetrail/test-harness';

export const PII_MARK = 'PIIMARK';
export const PII_MARKERS: readonly string[] = [
  PII_MARK,
  '900101-14-5678',
  'A99887766',
  '+60 12-999 8877',
];

export function reportBody(index: number, country = 'KH', occurredAt?: string) {
  return {
    person: {
      fullName: `${PII_MARK} Person ${index}`,
      myKadNumber: '900101-14-5678',
      passportNumber: 'A99887766',
      birthDate: '1990-01-01',
      sex: index % 2 === 0 ? 'male' : 'female',
    },
    reporter: { name: `${PII_MARK} Reporter ${index}`, contact: { phone: '+60 12-999 8877' } },
    reportSource: index % 3 === 0 ? 'family' : 'mp_service_centre',
    country,
    narrative: `${PII_MARK} took a job offer seen online`,
    ...(occurredAt ? { occurredAt } : {}),
  };
}

export type Answer = { status: number; headers: Headers; json: unknown; text: string };

export type AuditEngine = {
  readonly url: string;
  readonly dataDir: string;
  readonly storePath: string;
  readonly logs: string[];
  /** The projector in the same process, when asked for (its read model serves /v1/stats). */
  readonly projector: Projector | undefined;
  /** The store clock: recordedAt of the next appends. */
  setStoreTime(iso: string): void;
  request(
    agency: string | undefined,
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; sub?: string },
  ): Promise<Answer>;
  /** A write that must succeed; returns its JSON answer. */
  post(
    agency: string,
    path: string,
    body: unknown,
  ): Promise<{ caseId: string; revision: number; position: number }>;
  close(options?: { keepDir?: boolean }): Promise<void>;
};

export type AuditEngineOptions = {
  readonly policy?: Policy;
  /** Also run the projector on the same store (publishing to these NATS servers, if any). */
  readonly projector?: { readonly natsServers?: readonly string[] };
};

export async function startAuditEngine(options: AuditEngineOptions = {}): Promise<AuditEngine> {
  const dir = tempDir('casetrail-audit-e2e-');
  const storePath = join(dir.path, 'events.db');
  let clock = new Date('2024-01-01T00:00:00.000Z');
  const logs: string[] = [];
  const secret = loadOrCreateJwtSecret(dir.path);
  let running: RunningCaseService;
  let projector: Projector | undefined;
  const store = await openSqliteEventStore({ path: storePath, now: () => clock });
  try {
    if (options.projector) {
      projector = await startProjector({
        store,
        dataDir: dir.path,
        natsServers: options.projector.natsServers ?? [],
        logger: jsonLogger('projector', 'info', (line) => logs.push(line)),
      });
    }
    const readModels = projector?.readModels;
    running = await startCaseService({
      ...(readModels ? { nationalReadModel: async () => readNationalSummary(readModels) } : {}),
      store,
      personalData: openEmbeddedPersonalData({
        dataDir: dir.path,
        personalPaths: domainPersonalPaths,
      }),
      idempotency: openIdempotencyStore({ path: join(dir.path, 'idempotency.db') }),
      verifyToken: createTokenVerifier({ secret }),
      logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
      ...(options.policy ? { policy: options.policy } : {}),
    });
  } catch (error) {
    await projector?.stop();
    await store.close();
    dir.remove();
    throw error;
  }

  const request: AuditEngine['request'] = async (agency, method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (agency !== undefined) {
      headers.authorization = `Bearer ${await mintToken({ secret, agency, sub: init.sub ?? `${agency}-officer` })}`;
    }
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${running.url}${path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };

  return {
    url: running.url,
    dataDir: dir.path,
    storePath,
    logs,
    projector,
    setStoreTime: (iso) => {
      clock = new Date(iso);
    },
    request,
    async post(agency, path, body) {
      const answer = await request(agency, 'POST', path, { body });
      if (answer.status >= 300)
        throw new Error(`POST ${path} as ${agency}: ${answer.status} ${answer.text}`);
      return answer.json as { caseId: string; revision: number; position: number };
    },
    async close({ keepDir = false } = {}) {
      await projector?.stop();
      await running.close();
      if (!keepDir) dir.remove();
    },
  };
}

/** A row of the store's `events` table, read straight from the file (not through our code). */
export type RawRow = {
  stream_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  hash: string;
  occurredAt: string;
  actor: { agency: string; sub: string };
};

export function rawRows(path: string): RawRow[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Record<
      string,
      unknown
    >[];
    return rows.map((row) => {
      // Either one metadata JSON column or a column per metadata field.
      const metadata =
        typeof row.metadata === 'string'
          ? JSON.parse(row.metadata)
          : {
              occurredAt: row.occurred_at,
              actor: { agency: row.actor_agency, sub: row.actor_sub },
            };
      return {
        stream_id: String(row.stream_id),
        revision: Number(row.revision),
        type: String(row.type),
        recorded_at: String(row.recorded_at),
        hash: String(row.hash),
        occurredAt: metadata.occurredAt,
        actor: { agency: metadata.actor.agency, sub: metadata.actor.sub },
      };
    });
  } finally {
    db.close();
  }
}
