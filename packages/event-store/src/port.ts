/**
 * The event-store port: the one interface every adapter (SQLite, KurrentDB, later
 * PostgreSQL) implements and the conformance suite holds them to. The event store is the
 * system of record; nothing else in casetrail is trusted for history.
 *
 * Revisions are 0-based per stream; positions are the global log order (strictly
 * increasing, not necessarily contiguous). Both are plain numbers: adapters whose vendor
 * uses 64-bit positions convert at their edge and refuse values past 2^53.
 */

/** Who recorded an event, why it was recorded and when it happened in the world. */
export type EventMetadata = {
  readonly actor: { readonly agency: string; readonly sub: string };
  readonly correlationId: string;
  readonly causationId?: string | undefined;
  /** Business time: when it happened, as the agency says (ISO 8601 UTC). */
  readonly occurredAt: string;
};

/** An event as a caller hands it to `append`. `id` is a ULID chosen by the caller. */
export type NewEvent = {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
};

/** An event as the store recorded it. */
export type RecordedEvent = NewEvent & {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  /** Store time: when the store recorded it (ISO 8601 UTC). */
  readonly recordedAt: string;
  /** Hash of the previous event of the same stream; the genesis value for revision 0. */
  readonly previousHash: string;
  /** Hash over the canonical encoding of this event (see integrity/hash-chain.ts). */
  readonly hash: string;
  /**
   * Link in the log-wide chain (position, hash, previous logHash), kept only by stores that
   * assign global positions themselves (SQLite), so reordering the global log is evident.
   * Absent on KurrentDB, whose positions are assigned after the write.
   */
  readonly logHash?: string;
};

export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | number;

export type AppendResult = {
  /** Revision of the last event appended (or already present, on an idempotent retry). */
  readonly revision: number;
  /** Global position of the last event appended. */
  readonly position: number;
  readonly events: readonly RecordedEvent[];
};

export type ReadStreamOptions = {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive starting revision (from the end when reading backwards, if omitted). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
};

export type ReadAllOptions = {
  /** Exclusive: read events strictly after this position. Omitted: from the beginning. */
  readonly afterPosition?: number;
  readonly maxCount?: number;
};

export type SubscribeOptions = {
  /** Exclusive checkpoint: deliver events strictly after this position. */
  readonly afterPosition?: number;
  readonly signal?: AbortSignal;
};

export type EventStore = {
  /**
   * Appends atomically, all events or none. Throws ConcurrencyError when the stream is not at
   * `expectedRevision`. Appending events whose ids are already in the stream, in the same
   * order, is an idempotent retry: it returns the original result and writes nothing.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The whole log in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch up from the checkpoint, then follow live, in global order, never skipping. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Current revision of a stream, or undefined when it does not exist. */
  streamRevision(streamId: string): Promise<number | undefined>;
  /** Position of the last event in the log, or undefined when empty. */
  headPosition(): Promise<number | undefined>;
  close(): Promise<void>;
};
