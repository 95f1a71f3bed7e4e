/**
 * What `startAlerting` takes, parsed at the edge. The clock is injectable so staleness (a
 * matter of days) can be tested without waiting; the sink is a plain callback, so the
 * service needs no HTTP to hand alerts on.
 */
import type { CaseSubscriberStatus, SubscriberLogger } from '@casetrail/subscriber';
import { z } from 'zod';
import { AlertingOptionsInvalidError } from './alerting-errors.ts';
import type { StaleCaseAlert, StaleCaseRaised } from './stale-case-alert.ts';

export type AlertSink = (alert: StaleCaseAlert) => void | Promise<void>;

export type AlertingOptions = {
  /** NATS servers: an array or a comma-separated string (as NATS_URL). */
  readonly servers: string | readonly string[];
  /** A case with no update for this many days is stale (CASETRAIL_STALE_DAYS). */
  readonly staleDays: number;
  /** The clock (default: the system clock). */
  readonly now?: () => Date;
  /** Receives every alert, after its line was written. A failing sink is logged, not fatal. */
  readonly sink?: AlertSink;
  /** Writes one JSON line per alert (default: stdout). */
  readonly write?: (line: string) => void;
  /** How often staleness is evaluated (default 60 s; staleness is counted in days). */
  readonly checkIntervalMs?: number;
  readonly logger?: SubscriberLogger;
  /** How long one pull from the stream waits (passed to the subscriber). */
  readonly idleWaitMs?: number;
};

export type AlertingStatus = {
  readonly connected: boolean;
  /** Cases followed with a readable summary. */
  readonly watched: number;
  readonly openAlerts: number;
  readonly raised: number;
  readonly cleared: number;
  /** Summaries that could not be read for the rule (named in the log by case id). */
  readonly unreadable: number;
  readonly lastEvaluationAt: string | undefined;
  readonly subscriber: CaseSubscriberStatus;
};

export type Alerting = {
  /** The alerts open now, oldest update first. */
  alerts(): readonly StaleCaseRaised[];
  /** Evaluates now (the timer does it every `checkIntervalMs`); returns what it emitted. */
  evaluate(): Promise<readonly StaleCaseAlert[]>;
  status(): AlertingStatus;
  close(): Promise<void>;
};

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    message: `${what} must be a function`,
  });

const OptionsSchema = z.object({
  servers: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
    message: 'name at least one NATS server',
  }),
  staleDays: z.int({ message: 'must be a whole number of days' }).min(1, 'must be at least 1 day'),
  now: fn('now').optional(),
  sink: fn('sink').optional(),
  write: fn('write').optional(),
  checkIntervalMs: z.int().min(10, 'must be at least 10 ms').default(60_000),
  logger: z
    .object({ info: fn('info'), warn: fn('warn'), error: fn('error') })
    .loose()
    .optional(),
  idleWaitMs: z.int().min(1_000).optional(),
});

export function parseAlertingOptions(input: unknown): { checkIntervalMs: number } {
  const parsed = OptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AlertingOptionsInvalidError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`),
  );
}
