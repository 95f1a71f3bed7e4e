/**
 * A real case service for tests: a real SQLite event store, key store, access log and
 * idempotency file in a fresh temporary directory, and the service on a real loopback port.
 * Its log lines are kept so tests can check that no personal data reaches them. Not a mock
 * of anything: the same code `pnpm casetrail start` runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@casetrail/config';
import type { Policy } from '@casetrail/domain';
import type { EventStore } from '@casetrail/event-store';
import { loadOrCreateJwtSecret } from '../auth/jwt-secret.ts';
import { mintToken } from '../auth/mint-token.ts';
import { createLogger } from '../observability/logger.ts';
import { openCaseServiceDependencies } from '../open-case-service-dependencies.ts';
import { type RunningCaseService, startCaseService } from '../start-case-service.ts';

export type TestCaseService = {
  readonly url: string;
  readonly dataDir: string;
  readonly running: RunningCaseService;
  /** The service's own store: to check what was (not) recorded. */
  readonly store: EventStore;
  /** Every log line the service wrote. */
  readonly logs: string[];
  token(agency: string, sub?: string): Promise<string>;
  /** Raw HTTP with a token for `agency` (none when agency is undefined). */
  request(
    agency: string | undefined,
    method: string,
    path: string,
    init?: RawInit,
  ): Promise<RawAnswer>;
  /** Closes the service; removes the data directory unless `keepDir`. */
  close(options?: { keepDir?: boolean }): Promise<void>;
};

export type RawInit = {
  readonly body?: unknown;
  /** Sent as is (not JSON-encoded) when a string. */
  readonly rawBody?: string;
  readonly headers?: Readonly<Record<string, string>>;
};

export type RawAnswer = {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
  readonly text: string;
};

export type TestCaseServiceOptions = {
  readonly dataDir?: string;
  readonly policy?: Policy;
  readonly bodyLimitBytes?: number;
  readonly maxConflictAttempts?: number;
  /** Wraps the real store, e.g. to make a real concurrent append happen at a chosen moment. */
  readonly wrapStore?: (store: EventStore) => EventStore;
};

export async function startTestCaseService(
  options: TestCaseServiceOptions = {},
): Promise<TestCaseService> {
  // Made here rather than with the test harness: this module is exported for other packages' tests.
  const ownDir = options.dataDir
    ? undefined
    : mkdtempSync(join(tmpdir(), 'casetrail-case-service-'));
  const dataDir = options.dataDir ?? ownDir ?? '';
  const logs: string[] = [];
  const config = loadConfig({
    CASETRAIL_DATA_DIR: dataDir,
    CASETRAIL_STORE: `sqlite:${join(dataDir, 'events.db')}`,
  });
  const deps = await openCaseServiceDependencies(config, {
    logger: createLogger({ level: 'info', write: (line) => logs.push(line) }),
  });
  const store = options.wrapStore ? options.wrapStore(deps.store) : deps.store;
  const running = await startCaseService({
    ...deps,
    store,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    ...(options.maxConflictAttempts ? { maxConflictAttempts: options.maxConflictAttempts } : {}),
  });
  const secret = loadOrCreateJwtSecret(dataDir);
  const token = (agency: string, sub = `${agency}-officer`) => mintToken({ secret, agency, sub });

  return {
    url: running.url,
    dataDir,
    running,
    store,
    logs,
    token,
    async request(agency, method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (agency !== undefined) headers.authorization = `Bearer ${await token(agency)}`;
      let body: string | undefined = init.rawBody;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
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
    },
    async close({ keepDir = false } = {}) {
      await running.close();
      if (!keepDir && ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
