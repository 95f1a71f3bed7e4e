/**
 * The alerting service: follows the published case summaries through @casetrail/subscriber
 * (snapshot, live, repaired after gaps and outages), evaluates staleness every
 * `checkIntervalMs` on an injectable clock, and emits each raised or cleared alert as one
 * JSON line and to the sink. It only reads NATS; it never receives, logs or emits personal
 * data (none is published, and alerts are built from a few parsed fields).
 */
import { openCaseSubscriber, type SubscriberLogger } from '@casetrail/subscriber';
import { createAlertBook } from './alert-book.ts';
import {
  type Alerting,
  type AlertingOptions,
  type AlertingStatus,
  parseAlertingOptions,
} from './alerting-options.ts';
import type { StaleCaseAlert } from './stale-case-alert.ts';

const silent: SubscriberLogger = { info: () => {}, warn: () => {}, error: () => {} };

export async function startAlerting(input: AlertingOptions): Promise<Alerting> {
  const { checkIntervalMs } = parseAlertingOptions(input);
  const now = input.now ?? (() => new Date());
  const write = input.write ?? ((line: string) => void process.stdout.write(line));
  const logger = input.logger ?? silent;
  const book = createAlertBook();
  let counts = { raised: 0, cleared: 0 };
  let lastEvaluationAt: string | undefined;
  // One queue for updates and evaluations, so a case's raise and clear never cross.
  let tail: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => {});
    return result;
  };

  const emit = async (alerts: readonly StaleCaseAlert[]): Promise<void> => {
    for (const alert of alerts) {
      write(`${JSON.stringify(alert)}\n`);
      counts = { ...counts, [alert.state]: counts[alert.state] + 1 };
      try {
        await input.sink?.(alert);
      } catch (error) {
        // By name only: the sink's message may quote whatever it does with the alert.
        const name = error instanceof Error ? error.name : typeof error;
        logger.error('alert sink failed', { alert: alert.id, error: name });
      }
    }
  };
  const take = (caseId: string, problem: string | undefined) => {
    if (problem) logger.warn('case summary unreadable; not watched', { caseId, problem });
  };

  const subscriber = await openCaseSubscriber({
    servers: input.servers,
    name: 'casetrail-alerting',
    logger,
    ...(input.idleWaitMs === undefined ? {} : { idleWaitMs: input.idleWaitMs }),
    onSnapshot: (cases) => {
      for (const [caseId, document] of cases) take(caseId, book.load(caseId, document));
    },
    onUpdate: ({ caseId, document }) =>
      serially(async () => {
        const changed = book.update(caseId, document, now());
        take(caseId, changed.problem);
        await emit(changed.alerts);
      }),
  });

  const evaluate = () =>
    serially(async () => {
      const rule = { now: now(), staleDays: input.staleDays };
      const alerts = book.evaluate(rule);
      lastEvaluationAt = rule.now.toISOString();
      await emit(alerts);
      return alerts;
    });
  const timer = setInterval(() => {
    evaluate().catch((error: unknown) => {
      logger.error('evaluation failed', { error: error instanceof Error ? error.name : 'error' });
    });
  }, checkIntervalMs);
  timer.unref();
  await evaluate();
  logger.info('alerting started', { watched: book.watched(), staleDays: input.staleDays });

  return {
    alerts: () => book.open(),
    evaluate,
    status: (): AlertingStatus => {
      const followed = subscriber.status();
      return {
        connected: followed.connected,
        watched: book.watched(),
        openAlerts: book.open().length,
        raised: counts.raised,
        cleared: counts.cleared,
        unreadable: book.unreadable(),
        lastEvaluationAt,
        subscriber: followed,
      };
    },
    async close() {
      clearInterval(timer);
      await subscriber.close();
      await tail;
    },
  };
}
