/** What the route handlers share, assembled once by createCaseService. */
import type { Policy } from '@casetrail/domain';
import type { EventStore } from '@casetrail/event-store';
import type { AccessLog, PersonalDataVault } from '@casetrail/personal-data';
import type { CommandContext } from '../commands/command-context.ts';
import type { IdempotencyGate } from '../idempotency/idempotency-gate.ts';

export type RouteDeps = {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly accessLog: AccessLog;
  readonly policy: Policy;
  readonly commands: CommandContext;
  readonly idempotency: IdempotencyGate;
  readonly bodyLimitBytes: number;
  readonly now: () => Date;
};
