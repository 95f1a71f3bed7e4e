/**
 * The subscriber's NATS connection: options parsed at the edge, a connection that reconnects
 * forever, and a hook on every reconnect (after which the subscriber repairs itself). Fails
 * at open with SubscriberUnavailableError rather than waiting silently.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { SubscriberOptionsInvalidError, SubscriberUnavailableError } from './subscriber-errors.ts';

type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** Structurally the engine's logger. Never handed a document. */
export type SubscriberLogger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

export type ConnectionOptions = {
  /** NATS server URLs: an array or a comma-separated string (as in NATS_URL). */
  readonly servers: string | readonly string[];
  readonly name?: string;
  readonly logger?: SubscriberLogger;
  readonly reconnectTimeWaitMs?: number;
  readonly timeoutMs?: number;
};

const ServersSchema = z
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
  );

/** Parses `input` with `schema`, which must accept the connection options too. */
export function parseOptions<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SubscriberOptionsInvalidError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`),
  );
}

export const callback = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    message: `${what} must be a function`,
  });

// Defaults live here because `openConnection` receives the caller's raw options: nats.js
// takes an explicit `undefined` for these as a value and then never reconnects.
const defaultReconnectTimeWaitMs = 1_000;
const defaultTimeoutMs = 5_000;

export const connectionShape = {
  servers: ServersSchema,
  name: z.string().min(1).optional(),
  logger: z
    .object({ info: callback('info'), warn: callback('warn'), error: callback('error') })
    .loose()
    .optional(),
  reconnectTimeWaitMs: z.int().positive().default(defaultReconnectTimeWaitMs),
  timeoutMs: z.int().positive().default(defaultTimeoutMs),
};

const silent: SubscriberLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type SubscriberConnection = {
  readonly nc: NatsConnection;
  readonly logger: SubscriberLogger;
  connected(): boolean;
};

export async function openConnection(
  options: ConnectionOptions,
  servers: readonly string[],
  defaultName: string,
  onReconnect: () => void,
): Promise<SubscriberConnection> {
  const logger = options.logger ?? silent;
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: [...servers],
      name: options.name ?? defaultName,
      timeout: options.timeoutMs ?? defaultTimeoutMs,
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.reconnectTimeWaitMs ?? defaultReconnectTimeWaitMs,
    });
  } catch (error) {
    throw new SubscriberUnavailableError(`cannot reach NATS at ${servers.join(', ')}`, {
      cause: error,
    });
  }
  let connected = true;
  void (async () => {
    for await (const event of nc.status()) {
      if (event.type === 'disconnect') {
        connected = false;
        logger.warn('subscriber lost NATS; reconnecting', { name: defaultName });
      } else if (event.type === 'reconnect') {
        connected = true;
        logger.info('subscriber reconnected to NATS; repairing', { name: defaultName });
        onReconnect();
      }
    }
  })();
  void nc.closed().then(() => {
    connected = false;
  });
  return { nc, logger, connected: () => connected };
}
