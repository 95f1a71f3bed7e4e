/**
 * The case subscriber's options, callbacks and reports. Options are parsed at the edge;
 * callbacks may be async and are awaited, one message at a time.
 */
import { z } from 'zod';
import type { CaseDocument } from './projection-documents.ts';
import { type ConnectionOptions, callback, connectionShape } from './subscriber-connection.ts';

export type CaseUpdate = {
  readonly caseId: string;
  /** Undefined when the case left the KV bucket (an operator purged it). */
  readonly document: CaseDocument | undefined;
  readonly previous: CaseDocument | undefined;
  /** `live`: from the stream in order; `repair`: read from KV after a gap. */
  readonly cause: 'live' | 'repair';
};

export type Gap =
  | { kind: 'revision'; caseId: string; expected: number; received: number; sequence: number }
  | { kind: 'sequence'; expected: number; received: number }
  | { kind: 'invalid-message'; sequence: number; subject: string; problem: string }
  | { kind: 'reconnect' };

export type Awaitable = void | Promise<void>;

export type CaseSubscriberOptions = ConnectionOptions & {
  readonly onSnapshot?: (cases: ReadonlyMap<string, CaseDocument>) => Awaitable;
  readonly onUpdate?: (update: CaseUpdate) => Awaitable;
  readonly onGap?: (gap: Gap) => Awaitable;
  /** How long one pull waits for a message before asking again (JetStream minimum 1000). */
  readonly idleWaitMs?: number;
};

export type CaseSubscriberStatus = {
  readonly connected: boolean;
  /** Last CASETRAIL_PROJECTIONS sequence applied. */
  readonly sequence: number;
  readonly gaps: number;
  readonly repairs: number;
  readonly lastError: string | undefined;
};

export type CaseSubscriber = {
  /** The current state: caseId -> latest case summary. Read-only; updated in place. */
  readonly cases: ReadonlyMap<string, CaseDocument>;
  status(): CaseSubscriberStatus;
  close(): Promise<void>;
};

export const CaseSubscriberOptionsSchema = z.object({
  ...connectionShape,
  onSnapshot: callback('onSnapshot').optional(),
  onUpdate: callback('onUpdate').optional(),
  onGap: callback('onGap').optional(),
  idleWaitMs: z.int().min(1_000).default(2_000),
});
