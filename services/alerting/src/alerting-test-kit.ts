/**
 * Test support for this service's tests: realistic case summary documents (typed as the
 * engine's own CaseSummaryDocument, so they cannot drift from what the projector publishes)
 * and the real publisher draining a real outbox file to the test's private nats-server.
 * Not exported from the package.
 */
import { DatabaseSync } from 'node:sqlite';
import type { CaseSummaryDocument } from '@casetrail/projections';
import { personalDataGuard } from '@casetrail/projector';
import {
  enqueue,
  ensureOutboxSchema,
  type OutboxMessage,
  startPublisher,
} from '@casetrail/publication';
import { waitFor } from '@casetrail/test-harness';
import type { StaleCaseAlert } from './stale-case-alert.ts';

type Overrides = Partial<Omit<CaseSummaryDocument, 'caseId' | 'revision'>>;

export function caseSummary(
  caseId: string,
  revision: number,
  updatedAt: string,
  overrides: Overrides = {},
): CaseSummaryDocument {
  return {
    kind: 'case-summary',
    caseId,
    revision,
    position: 1_000 + revision,
    whereabouts: 'tracked',
    status: 'open',
    closure: null,
    duplicateOf: null,
    stage: 'tracked',
    stages: {
      reportedAt: '2025-01-02T00:00:00.000Z',
      firstTrackedAt: updatedAt,
      lastTrackedAt: updatedAt,
      rescuedAt: null,
      repatriatedAt: null,
      reDepartedAt: null,
      closedAt: null,
      reopenedAt: null,
    },
    lastKnownCountry: 'KH',
    awaitingReturnAt: null,
    repatriationRoute: null,
    counts: { trackingUpdates: revision, rescues: 0, repatriations: 0, reDepartures: 0 },
    classification: {
      status: 'presumed_victim',
      role: null,
      basis: null,
      decidingAgency: null,
      since: '2025-01-02T00:00:00.000Z',
      reversals: 0,
    },
    legal: { status: 'none', prosecutions: [] },
    reportSource: 'family',
    reportedCountry: 'KH',
    recruitmentChannel: 'online_job_advert',
    sex: null,
    ageBand: '25-34',
    reportedBy: 'wisma-putra',
    leadAgency: 'embassy',
    agenciesInvolved: ['wisma-putra', 'embassy'],
    openHandover: null,
    openHandovers: [],
    personalData: 'held',
    lastEventAt: updatedAt,
    updatedAt,
    ...overrides,
  };
}

export type TestFeed = {
  /** Enqueues in one transaction and waits until NATS has all of it. */
  publish(documents: readonly CaseSummaryDocument[]): Promise<void>;
  /** Enqueues only (during an outage): the publisher sends it when it can. */
  enqueue(documents: readonly CaseSummaryDocument[]): void;
  pending(): number;
  stop(): Promise<void>;
};

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** The real publisher on a real outbox file, behind the projector's own personal-data guard. */
export function startTestFeed(url: string, dbPath: string): TestFeed {
  const db = new DatabaseSync(dbPath, { timeout: 5_000 });
  ensureOutboxSchema(db);
  const publisher = startPublisher({
    db,
    servers: url,
    source: 'urn:casetrail:alerting-test',
    filter: personalDataGuard(),
    logger: quiet,
    pollIntervalMs: 50,
    retry: { initialMs: 50, maxMs: 500 },
    reconnectTimeWaitMs: 100,
    timeoutMs: 1_000,
  });
  const write = (documents: readonly CaseSummaryDocument[]) => {
    db.exec('BEGIN');
    for (const document of documents) {
      const message: OutboxMessage = { kind: 'case', caseId: document.caseId, document };
      enqueue(db, message);
    }
    db.exec('COMMIT');
    publisher.wake();
  };
  return {
    enqueue: write,
    pending: () => publisher.status().pending,
    async publish(documents) {
      write(documents);
      await waitFor(() => publisher.status().pending === 0, {
        timeoutMs: 20_000,
        what: 'the publisher to drain the outbox',
      });
    },
    async stop() {
      await publisher.stop();
      db.close();
    },
  };
}

/** A sink that keeps what it was given, the alerts' JSON lines and the log lines. */
export function recordingSink() {
  const received: StaleCaseAlert[] = [];
  const lines: string[] = [];
  const logs: string[] = [];
  const keep = (level: string) => (message: string, fields?: object) =>
    void logs.push(JSON.stringify({ level, message, ...fields }));
  return {
    received,
    lines,
    logs,
    sink: (alert: StaleCaseAlert) => void received.push(alert),
    write: (line: string) => void lines.push(line),
    logger: { info: keep('info'), warn: keep('warn'), error: keep('error') },
  };
}
