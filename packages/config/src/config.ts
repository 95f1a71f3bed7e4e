/**
 * The engine's configuration, read from the environment and validated at start. A bad value
 * stops start-up with a message naming the variable and what is wrong with it; values are
 * never echoed back when they may be secrets.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const storeUrl = z
  .string()
  .trim()
  .refine(
    (value) =>
      /^(sqlite:.+|kurrentdb:\/\/.+|esdb(\+discover)?:\/\/.+|postgres(ql)?:\/\/.+)$/.test(value),
    {
      message: 'must be sqlite:PATH, kurrentdb://…, esdb://… or postgres://…',
    },
  );

const natsUrls = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^(nats|tls|ws|wss):\/\/[^\s]+$/, 'each server must look like nats://host:port'),
      )
      .min(1, 'name at least one server'),
  );

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 (any free port) or a port from 1 to 65535')
  .max(65535, 'must be 0 (any free port) or a port from 1 to 65535');

const positiveDays = z.coerce.number().int().min(1, 'must be at least 1 day');

export const EnvironmentSchema = z.object({
  CASETRAIL_STORE: storeUrl.optional(),
  NATS_URL: natsUrls.default(['nats://127.0.0.1:4222']),
  CASETRAIL_HTTP_PORT: port.default(8080),
  CASETRAIL_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  CASETRAIL_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CASETRAIL_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  CASETRAIL_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes, base64 encoded (44 characters)')
    .optional(),
  CASETRAIL_STALE_DAYS: positiveDays.default(30),
  CASETRAIL_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CASETRAIL_POLICY_FILE: z.string().trim().min(1).optional(),
});

export type Config = {
  /** Event store URL; defaults to the SQLite file inside the data directory. */
  readonly store: string;
  readonly natsServers: readonly string[];
  readonly httpPort: number;
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly masterKey: string | undefined;
  readonly staleDays: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly policyFile: string | undefined;
};

export class ConfigError extends Error {
  readonly code = 'ConfigError' as const;
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(EnvironmentSchema.shape).map((key) => [
      key,
      env[key] === '' ? undefined : env[key],
    ]),
  );
  const parsed = EnvironmentSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
      ),
    );
  }
  const value = parsed.data;
  if (value.CASETRAIL_JWT_SECRET && value.CASETRAIL_JWKS_URL) {
    throw new ConfigError([
      'CASETRAIL_JWT_SECRET and CASETRAIL_JWKS_URL: set one of them, not both',
    ]);
  }
  const dataDir = resolve(value.CASETRAIL_DATA_DIR);
  return {
    store: value.CASETRAIL_STORE ?? `sqlite:${resolve(dataDir, 'events.db')}`,
    natsServers: value.NATS_URL,
    httpPort: value.CASETRAIL_HTTP_PORT,
    dataDir,
    jwtSecret: value.CASETRAIL_JWT_SECRET,
    jwksUrl: value.CASETRAIL_JWKS_URL,
    masterKey: value.CASETRAIL_MASTER_KEY,
    staleDays: value.CASETRAIL_STALE_DAYS,
    logLevel: value.CASETRAIL_LOG_LEVEL,
    policyFile: value.CASETRAIL_POLICY_FILE,
  };
}
