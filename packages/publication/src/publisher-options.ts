/**
 * The publisher's options, parsed at the edge. The filter is required: there is no default
 * that lets a document leave unchecked.
 */
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { NatsResourceSettings } from './nats-resources.ts';
import { PublisherOptionsInvalidError } from './publication-errors.ts';
import type { PublicationFilter } from './publication-filter.ts';

type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** Structurally the engine's logger; never handed a document or any part of one. */
export type PublisherLogger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

export type PublisherOptions = {
  /** The caller's connection (the one `enqueue` writes through), or a path to open. */
  readonly db?: DatabaseSync;
  readonly dbPath?: string;
  /** NATS server URLs: an array or a comma-separated string (as in NATS_URL). */
  readonly servers: string | readonly string[];
  /** CloudEvents `source` of every message, e.g. `urn:casetrail:projector`. */
  readonly source: string;
  /** Applied to every document before anything leaves; see createDenyListFilter. */
  readonly filter: PublicationFilter;
  readonly logger?: PublisherLogger;
  readonly resources?: Partial<NatsResourceSettings>;
  /** How often the outbox is looked at when nobody calls wake(). */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Connect and JetStream request timeout. */
  readonly timeoutMs?: number;
  readonly reconnectTimeWaitMs?: number;
  /** Connection name shown by the NATS server's monitoring. */
  readonly name?: string;
};

const function_ = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    message: `${what} is required and must be a function`,
  });

const millis = z.int().positive();

const Schema = z
  .strictObject({
    db: z.instanceof(DatabaseSync, { message: 'must be a node:sqlite DatabaseSync' }).optional(),
    dbPath: z.string().min(1).optional(),
    servers: z
      .union([z.string(), z.array(z.string())])
      .transform((value) =>
        (typeof value === 'string' ? value.split(',') : value)
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^(nats|tls|ws|wss):\/\/\S+$/, 'must look like nats://host:port'))
          .min(1, 'name at least one server'),
      ),
    source: z.string().trim().min(1, 'must be a non-empty URI reference'),
    filter: function_('filter (the guard every document passes)'),
    logger: z
      .object({ info: function_('info'), warn: function_('warn'), error: function_('error') })
      .loose()
      .optional(),
    resources: z
      .strictObject({
        replicas: z.int().min(1).max(5).optional(),
        streamMaxAgeMs: millis.optional(),
        duplicateWindowMs: millis.optional(),
        casesHistory: z.int().min(1).max(64).optional(),
        statsHistory: z.int().min(1).max(64).optional(),
        maxMessageBytes: z.int().min(1024).optional(),
      })
      .optional(),
    pollIntervalMs: millis.default(250),
    batchSize: z.int().min(1).max(10_000).default(100),
    retry: z
      .strictObject({ initialMs: millis.default(100), maxMs: millis.default(5_000) })
      .default({ initialMs: 100, maxMs: 5_000 }),
    timeoutMs: millis.default(5_000),
    reconnectTimeWaitMs: millis.default(1_000),
    name: z.string().min(1).default('casetrail-publisher'),
  })
  .refine((value) => (value.db === undefined) !== (value.dbPath === undefined), {
    message: 'give exactly one of db or dbPath',
    path: ['db'],
  });

export type ParsedPublisherOptions = Omit<
  z.output<typeof Schema>,
  'filter' | 'logger' | 'resources'
> & {
  readonly filter: PublicationFilter;
  readonly logger: PublisherLogger | undefined;
  readonly resources: Partial<NatsResourceSettings>;
};

export function parsePublisherOptions(input: PublisherOptions): ParsedPublisherOptions {
  const parsed = Schema.safeParse(input);
  if (!parsed.success) {
    throw new PublisherOptionsInvalidError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`,
      ),
    );
  }
  // The functions and settings are the caller's own objects; zod only checked their shape.
  return {
    ...parsed.data,
    filter: input.filter,
    logger: input.logger,
    resources: input.resources ?? {},
  };
}
