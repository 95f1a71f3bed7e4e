import {
  createLogger,
  loadOrCreateJwtSecret,
  mintToken,
  openCaseServiceDependencies,
  type RunningCaseService,
  startCaseService,
} from '@casetrail/case-service';
import { loadConfig } from '@casetrail/config';
import type { EventStore } from '@casetrail/event-store';
import { type NationalSummary, nationalSummaryAsOfLog } from '@casetrail/projections';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSenders } from './client-sender.ts';
import { driveScenario } from './drive-scenario.ts';
import type { Checkpoint, Scenario } from './scenario.ts';
import { buildScenario } from './scenario-catalogue.ts';

/**
 * The scenarios driven through a real case service on a real port over a real SQLite store,
 * with one client and token per officer; the figures are then computed straight from the
 * store's log by the projections (business time) and must be exactly the checkpoints'.
 */
describe('driving scenarios through the HTTP API', () => {
  let dir: TempDir;
  let running: RunningCaseService;
  let store: EventStore;
  const logs: string[] = [];
  const tokens = new Map<string, Promise<string>>();
  let senderFor: ReturnType<typeof clientSenders>;

  beforeAll(async () => {
    dir = tempDir('casetrail-scenarios-');
    const config = loadConfig({ CASETRAIL_DATA_DIR: dir.path, CASETRAIL_HTTP_PORT: '0' });
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const deps = await openCaseServiceDependencies(config, { logger });
    store = deps.store;
    running = await startCaseService({ ...deps, port: 0 });
    const secret = loadOrCreateJwtSecret(config.dataDir);
    const tokenFor = (agency: string, sub: string) => {
      const key = `${agency}/${sub}`;
      let token = tokens.get(key);
      if (token === undefined) {
        token = mintToken({ secret, agency, sub, ttl: '1h' });
        tokens.set(key, token);
      }
      return token;
    };
    senderFor = clientSenders(running.url, tokenFor);
  });

  afterAll(async () => {
    await running?.close();
    dir?.remove();
  });

  const figuresAt = async (checkpoint: Checkpoint) =>
    headline(
      await nationalSummaryAsOfLog(store.readAll(), { asOf: checkpoint.asOf, time: 'occurred' }),
    );

  let parliament: Scenario;
  it('records parliament-2024 as the agencies would, each officer with its own token', async () => {
    parliament = buildScenario('parliament-2024');
    const result = await driveScenario(parliament, { senderFor, concurrency: 16 });
    expect(result.actions).toBe(parliament.actions.length);
    expect(result.caseIds.size).toBe(parliament.cases);
    expect(tokens.size).toBeGreaterThan(15);
    // No timing is asserted (shared CI machines); docs/demo.md gives the measured figure.
  }, 600_000);

  it('reads 906 / 707 / 199 as of 29 October 2024 and 301 / 168 / 34 / 99 as of September 2022', async () => {
    const [september, october] = parliament.checkpoints as [Checkpoint, Checkpoint];
    expect(await figuresAt(october)).toEqual({
      affected: 906,
      returnedHome: 707,
      rescuedAwaitingReturn: 0,
      beingTracked: 199,
      closed: 0,
      prosecuted: 5,
    });
    expect(await figuresAt(september)).toMatchObject({
      affected: 301,
      returnedHome: 168,
      rescuedAwaitingReturn: 34,
      beingTracked: 99,
    });
  });

  it('records the history today: by store time nothing had been recorded yesterday', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const known = await nationalSummaryAsOfLog(store.readAll(), {
      asOf: yesterday,
      time: 'recorded',
    });
    expect(known.affected).toBe(0);
    const now = await nationalSummaryAsOfLog(store.readAll(), { asOf: null, time: 'recorded' });
    expect(now.affected).toBe(906);
  });

  it('records nothing new when the same scenario and seed are driven again', async () => {
    const small = buildScenario('small');
    await driveScenario(small, { senderFor, concurrency: 8 });
    const head = await store.headPosition();
    const again = await driveScenario(small, { senderFor, concurrency: 8 });
    expect(again.actions).toBe(small.actions.length);
    expect(await store.headPosition()).toBe(head);
  });

  it('never lets the synthetic personal data reach the service log', () => {
    const names = parliament.actions.flatMap((action) =>
      action.command === 'ReportCase'
        ? [action.body.person.fullName, action.body.reporter.name]
        : [],
    );
    expect(logs.length).toBeGreaterThan(1000);
    const text = logs.join('');
    expect(names.filter((name) => text.includes(String(name)))).toEqual([]);
  });
});

function headline(summary: NationalSummary) {
  return {
    affected: summary.affected,
    returnedHome: summary.whereabouts.returnedHome,
    rescuedAwaitingReturn: summary.whereabouts.rescuedAwaitingReturn,
    beingTracked: summary.whereabouts.beingTracked,
    closed: summary.whereabouts.closed,
    prosecuted: summary.legal.prosecuted,
  };
}
