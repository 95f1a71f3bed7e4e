/**
 * The all-in-one embedded engine: case service (commands, case reads, audit and statistics
 * endpoints), projector (read models, outbox, publisher to NATS when reachable), dashboard
 * and its live feed, on one port and one SQLite store in CASETRAIL_DATA_DIR. Used by
 * `pnpm casetrail start` and the end-to-end tests. Its JSON logs go to DATA_DIR/engine.log
 * (warnings and errors also to stderr); they never carry personal data.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createCaseService,
  createLogger,
  loadOrCreateJwtSecret,
  mintToken,
  openCaseServiceDependencies,
} from '@casetrail/case-service';
import type { Config } from '@casetrail/config';
import {
  caseUpdateOf,
  createDashboard,
  createLiveHub,
  feedFromReadModels,
  type LiveHub,
} from '@casetrail/dashboard';
import { caseIdFromStreamId } from '@casetrail/domain';
import type { EventStore } from '@casetrail/event-store';
import {
  jsonLogger,
  readCaseSummary,
  readNationalSummary,
  startProjector,
} from '@casetrail/projector';
import { type EngineHttp, startEngineHttp } from './engine-http.ts';

export type EngineOptions = {
  readonly config: Config;
  /** Offer demo sign-in per agency on the dashboard (embedded key only, loopback only). */
  readonly demoSignIn: boolean;
  /** Default 0.0.0.0: every interface, as the case service does. */
  readonly hostname?: string;
};

export type Engine = {
  readonly url: string;
  readonly dashboardUrl: string;
  readonly port: number;
  readonly logFile: string;
  /** Position of the last event in the store when the engine started (undefined: empty). */
  readonly headAtStart: number | undefined;
  /** Resolves once the read models reflect everything in the store now. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Whether the publisher holds a NATS connection right now. */
  natsConnected(): boolean;
  close(): Promise<void>;
};

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const { config } = options;
  await mkdir(config.dataDir, { recursive: true });
  const logFile = join(config.dataDir, 'engine.log');
  const logStream = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  const write = (line: string) => {
    logStream.write(line);
    if (/"level":"(warn|error)"/.test(line)) process.stderr.write(line);
  };
  const logger = createLogger({ level: config.logLevel, write });
  const deps = await openCaseServiceDependencies(config, { logger });
  const store = deps.store;
  const headAtStart = await store.headPosition();
  const projector = await startProjector({
    store,
    dataDir: config.dataDir,
    natsServers: config.natsServers,
    logger: jsonLogger(
      'casetrail-projector',
      config.logLevel === 'debug' ? 'info' : config.logLevel,
      write,
    ),
  });
  // "Now" is served from the read model only once it has folded the whole log, else the
  // statistics endpoint computes it from the log itself: never a stale figure.
  const nationalReadModel = async () => {
    const head = await store.headPosition();
    const folded = projector.status().checkpoint;
    const caughtUp = head === undefined || (folded !== undefined && folded >= head);
    return caughtUp ? readNationalSummary(projector.readModels) : undefined;
  };
  const service = createCaseService({ ...deps, nationalReadModel });
  const hub = createLiveHub();
  const secret = config.jwksUrl
    ? undefined
    : loadOrCreateJwtSecret(config.dataDir, config.jwtSecret);
  const dashboard = createDashboard({
    hub,
    verifyToken: deps.verifyToken,
    ...(options.demoSignIn && secret
      ? {
          mintDemoToken: async (agency: string) => {
            const sub = `demo-${agency}`;
            const token = await mintToken({ secret, agency, sub, ttl: '8h' });
            return { token, sub, expiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString() };
          },
        }
      : {}),
  });

  const feedStop = new AbortController();
  const feed = feedFromReadModels(
    hub,
    {
      changes: store.subscribeToAll({
        ...(headAtStart === undefined ? {} : { afterPosition: headAtStart }),
        signal: feedStop.signal,
      }),
      waitForPosition: (position) => projector.waitForPosition(position, 60_000),
      caseSummary: (caseId) => readCaseSummary(projector.readModels, caseId),
      caseIdOf: caseIdFromStreamId,
    },
    (error) => logger.warn('live feed could not read the read models', { error: String(error) }),
  ).catch((error: unknown) => {
    if (!feedStop.signal.aborted) logger.error('live feed stopped', { error: String(error) });
  });

  // A page opened after a restart still lists the cases changed last (it hears no event for them).
  void primeRecentCases(hub, store, headAtStart, async (caseId) => {
    if (headAtStart !== undefined) await projector.waitForPosition(headAtStart, 120_000);
    return readCaseSummary(projector.readModels, caseId);
  }).catch((error: unknown) =>
    logger.warn('could not list the recent cases', { error: String(error) }),
  );

  let http: EngineHttp;
  try {
    http = await startEngineHttp({
      dashboard,
      caseService: service.app,
      port: config.httpPort,
      hostname: options.hostname ?? '0.0.0.0',
    });
  } catch (error) {
    feedStop.abort();
    await projector.stop();
    await service.close();
    throw error;
  }
  logger.info('engine listening', { url: http.url });

  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    dashboardUrl: `${http.url}/dashboard/`,
    port: http.port,
    logFile,
    headAtStart,
    async caughtUp(timeoutMs = 120_000) {
      const head = await store.headPosition();
      if (head !== undefined) await projector.waitForPosition(head, timeoutMs);
    },
    natsConnected: () => projector.status().publisher?.connected === true,
    close() {
      closing ??= http.close(async () => {
        feedStop.abort();
        await projector.stop();
        await feed;
        await service.close();
        await new Promise<void>((resolve) => logStream.end(resolve));
      });
      return closing;
    },
  };
}

const RECENT_EVENTS = 400;

/** Publishes the summaries of the cases touched by the last events of the log, oldest first. */
async function primeRecentCases(
  hub: LiveHub,
  store: EventStore,
  head: number | undefined,
  summaryOf: (caseId: string) => Promise<ReturnType<typeof readCaseSummary>>,
): Promise<void> {
  if (head === undefined) return;
  const touched = new Set<string>();
  for await (const event of store.readAll({ afterPosition: Math.max(0, head - RECENT_EVENTS) })) {
    if (event.position > head) break;
    const caseId = caseIdFromStreamId(event.streamId);
    if (caseId === undefined) continue;
    touched.delete(caseId);
    touched.add(caseId);
  }
  for (const caseId of touched) {
    const summary = await summaryOf(caseId);
    if (summary !== undefined) hub.publish(caseUpdateOf(summary));
  }
}
