/**
 * Opens what the case service runs on, from the validated configuration: the event store
 * (CASETRAIL_STORE), the embedded personal-data files (key store, access log), the
 * idempotency store (DATA_DIR/idempotency.db), the token verifier (JWKS in production, else
 * the embedded secret) and the policy (CASETRAIL_POLICY_FILE or the default). Before it
 * serves, every erasure recorded in the log is re-applied to the key store.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@casetrail/config';
import { defaultPolicy, type Policy, parsePolicyDocument } from '@casetrail/domain';
import { openEventStore } from '@casetrail/event-store';
import { domainPersonalPaths, openEmbeddedPersonalData } from '@casetrail/personal-data';
import { loadOrCreateJwtSecret } from './auth/jwt-secret.ts';
import { createTokenVerifier } from './auth/token-verifier.ts';
import type { CaseServiceDeps } from './case-service.ts';
import { openIdempotencyStore } from './idempotency/idempotency-store.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { applyRecordedErasures } from './personal/apply-recorded-erasures.ts';

export const idempotencyFileName = 'idempotency.db';

export class PolicyFileError extends Error {
  readonly code = 'PolicyFileError' as const;
  override readonly name = 'PolicyFileError';
}

export function loadPolicyFile(path: string): Policy {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyFileError(`CASETRAIL_POLICY_FILE ${path} is not readable JSON`, {
      cause: error,
    });
  }
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) {
    const lines = parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    throw new PolicyFileError(`CASETRAIL_POLICY_FILE ${path} is invalid: ${lines}`);
  }
  return parsed.value;
}

export async function openCaseServiceDependencies(
  config: Config,
  options: { readonly logger?: Logger } = {},
): Promise<CaseServiceDeps> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const policy = config.policyFile ? loadPolicyFile(config.policyFile) : defaultPolicy;
  const verifyToken = config.jwksUrl
    ? createTokenVerifier({ jwksUrl: config.jwksUrl })
    : createTokenVerifier({ secret: loadOrCreateJwtSecret(config.dataDir, config.jwtSecret) });
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openEventStore(config.store);
  const closers: (() => unknown)[] = [() => store.close()];
  try {
    const personalData = openEmbeddedPersonalData({
      dataDir: config.dataDir,
      masterKey: config.masterKey,
      personalPaths: domainPersonalPaths,
    });
    closers.push(() => personalData.close());
    const { erasedCases } = await applyRecordedErasures(store, personalData.vault);
    logger.info('recorded erasures re-applied to the key store', { erasedCases });
    const idempotency = openIdempotencyStore({ path: join(config.dataDir, idempotencyFileName) });
    return { store, personalData, idempotency, verifyToken, policy, logger };
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()));
    throw error;
  }
}
