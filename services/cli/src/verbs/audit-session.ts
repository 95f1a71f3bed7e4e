/**
 * What the audit verbs (replay, verify, stats, export, access-log) share: the configuration,
 * the event store opened for reading (never created by a read: a missing file is an error),
 * the policy, and who reads (`--agency`, default auditor) with what the policy gives them.
 * The CLI talks to the store and files directly, not to the HTTP API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { PersonalDataAccess, Reader } from '@casetrail/audit';
import type { Config } from '@casetrail/config';
import {
  PolicyAction as Actions,
  agencySchema,
  defaultPolicy,
  type Policy,
  type PolicyAction,
  parsePolicyDocument,
  permission,
} from '@casetrail/domain';
import { type EventStore, openEventStore, parseStoreUrl } from '@casetrail/event-store';
import { domainPersonalPaths, openEmbeddedPersonalData } from '@casetrail/personal-data';

/** A refusal the verb reports on stderr with exit code 2 (usage, configuration, input). */
export class UsageError extends Error {
  readonly code = 'UsageError' as const;
  override readonly name = 'UsageError';
}

export async function openStoreForReading(config: Config): Promise<EventStore> {
  const location = parseStoreUrl(config.store);
  if (location.kind === 'sqlite' && !existsSync(location.path)) {
    throw new UsageError(
      `no event store at ${location.path} (set CASETRAIL_DATA_DIR or CASETRAIL_STORE)`,
    );
  }
  return openEventStore(config.store);
}

export function policyOf(config: Config): Policy {
  if (!config.policyFile) return defaultPolicy;
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(config.policyFile, 'utf8'));
  } catch {
    throw new UsageError(`CASETRAIL_POLICY_FILE ${config.policyFile} is not readable JSON`);
  }
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) throw new UsageError(`CASETRAIL_POLICY_FILE ${config.policyFile} is invalid`);
  return parsed.value;
}

export type ReaderFlags = {
  agency?: string | undefined;
  sub?: string | undefined;
  purpose?: string | undefined;
};

/** The reader the flags name, refused unless the policy allows its agency `action`. */
export function readerOf(
  flags: ReaderFlags,
  policy: Policy,
  action: PolicyAction,
  channel: Reader['channel'],
): Reader {
  const agency = agencySchema.safeParse(flags.agency ?? 'auditor');
  if (!agency.success)
    throw new UsageError(`--agency: unknown agency (${agencySchema.options.join(', ')})`);
  if (permission(policy, agency.data, action) !== 'allowed') {
    throw new UsageError(`agency '${agency.data}' may not ${action.replaceAll('-', ' ')}`);
  }
  return {
    actor: { agency: agency.data, sub: flags.sub ?? `cli:${userInfo().username}` },
    permission: permission(policy, agency.data, Actions.READ_PERSONAL_DATA),
    purpose: flags.purpose,
    channel,
  };
}

/** The vault and access log, opened only for a reader allowed to see personal data. */
export function personalDataFor(
  reader: Reader,
  config: Config,
): (PersonalDataAccess & { close(): Promise<void> }) | undefined {
  if (reader.permission !== 'allowed') return undefined;
  return openEmbeddedPersonalData({
    dataDir: config.dataDir,
    masterKey: config.masterKey,
    personalPaths: domainPersonalPaths,
  });
}

/** Runs a verb body: a UsageError or a refused query is exit 2, said on stderr. */
export async function runAudit(verb: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    const usage = ['UsageError', 'InvalidAuditQuery', 'ConfigError'].includes(String(code));
    if (usage || String(code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`casetrail ${verb}: ${(error as Error).message}\n`);
      return 2;
    }
    if (code === 'CaseNotFound') {
      process.stderr.write(`casetrail ${verb}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
