/**
 * Applies a batch of recorded events to the read models in ONE SQLite transaction: the case
 * rows, the registers, the national counters and statistics, the checkpoint, and (when
 * publishing) the outbox rows announcing each change. A crash at any point leaves either all
 * of a batch or none of it, so after a restart nothing is lost and nothing is doubled: events
 * at or before the stored checkpoint are skipped, whoever applies them.
 *
 * State rows are this code's own derived data under a schema version (a mismatch forces a
 * rebuild), so they are read back without a second validation; events are parsed at the
 * edge by the domain (`envelopeOf`). Must never write personal data: nothing here reads a
 * personal field.
 */
import type { DatabaseSync } from 'node:sqlite';
import { type CaseState, initialCaseState, type ReportedCase } from '@casetrail/domain';
import type { RecordedEvent } from '@casetrail/event-store';
import {
  addKeys,
  caseFigureKeys,
  caseFigureSignature,
  caseSummaryDocument,
  envelopeOf,
  foldCase,
  isActiveCase,
  type LogPosition,
  type ProjectionName,
  projectionNames,
} from '@casetrail/projections';
import { enqueue } from '@casetrail/publication';
import { type CachedCase, createCaseCache } from './case-cache.ts';
import { ProjectionFailedError } from './projection-failed-error.ts';
import { CHECKPOINT_NAME, prepareWriterStatements } from './read-model-statements.ts';
import { writeRegisters, writeStatistics } from './write-derived-models.ts';

export type WriterOptions = {
  /** Read models to maintain (default: all). A single-model rebuild names one. */
  readonly projections?: readonly ProjectionName[];
  /** Where case states live: `case_summaries`, or a rebuild's scratch table. */
  readonly stateTable?: string;
  readonly cacheSize?: number;
};

export type ApplyOptions = {
  /** Record outbox rows for NATS (the live projector); a rebuild republishes at its end. */
  readonly publish: boolean;
  /** False while a single-model rebuild replays up to a checkpoint it must not move. */
  readonly advanceCheckpoint?: boolean;
};

export type ApplyResult = {
  /** Events folded (those at or before the checkpoint are skipped). */
  readonly applied: number;
  readonly checkpoint: number | undefined;
};

export type ReadModelWriter = {
  checkpoint(): number | undefined;
  apply(events: readonly RecordedEvent[], options: ApplyOptions): ApplyResult;
};

type CaseRow = { state: string; revision: number; position: number; updated_at: string };

const absent: CachedCase = {
  state: initialCaseState,
  at: undefined,
  signature: '',
  inRegisters: false,
};

function tally(deltas: Map<string, number>, signature: string, delta: number): void {
  deltas.set(signature, (deltas.get(signature) ?? 0) + delta);
}

/**
 * Counter keys by figure signature. Signatures are few (combinations of a handful of
 * categories), so their keys are computed once and kept. Every signature a batch tallies is
 * remembered during that batch; between batches the memo may be dropped if it ever grows
 * past a bound, keeping memory flat.
 */
function createFigureKeys() {
  const memo = new Map<string, readonly string[]>();
  return {
    remember(signature: string, state: CaseState): void {
      if (signature !== '' && !memo.has(signature)) memo.set(signature, caseFigureKeys(state));
    },
    trim(): void {
      if (memo.size > 50_000) memo.clear();
    },
    of(signature: string): readonly string[] {
      const keys = memo.get(signature);
      if (keys === undefined) throw new Error('figure signature seen without its keys');
      return keys;
    },
  };
}

function inRegisters(state: CaseState): boolean {
  return (
    state.status !== 'unreported' &&
    (state.legal.prosecutions.length > 0 || state.openHandover !== undefined)
  );
}

export function createReadModelWriter(
  db: DatabaseSync,
  options: WriterOptions = {},
): ReadModelWriter {
  const projections = new Set(options.projections ?? projectionNames);
  const statements = prepareWriterStatements(db, options.stateTable ?? 'case_summaries');
  const cache = createCaseCache(options.cacheSize ?? 20_000);
  const counts = new Map<string, number>();

  const storedCheckpoint = (): number | undefined =>
    (statements.checkpoint.get(CHECKPOINT_NAME) as { position: number } | undefined)?.position;
  const reloadCounts = (): void => {
    counts.clear();
    for (const row of statements.counts.all() as { key: string; value: number }[])
      counts.set(row.key, row.value);
  };
  reloadCounts();
  let known = storedCheckpoint();

  const figureKeys = createFigureKeys();

  const load = (caseId: string): CachedCase => {
    const cached = cache.get(caseId);
    if (cached !== undefined) return cached;
    const row = statements.loadCase.get(caseId) as CaseRow | undefined;
    if (row === undefined) return absent;
    const state = JSON.parse(row.state) as ReportedCase;
    const at = { revision: row.revision, position: row.position, recordedAt: row.updated_at };
    return { state, at, signature: caseFigureSignature(state), inRegisters: inRegisters(state) };
  };

  const save = (caseId: string, value: CachedCase): CachedCase => {
    const { state, at } = value;
    if (state.status === 'unreported' || at === undefined) return value;
    const active = isActiveCase(state) ? 1 : 0;
    const json = JSON.stringify(state);
    statements.saveCase.run(caseId, at.revision, at.position, at.recordedAt, active, json);
    const registered = inRegisters(state);
    if (registered || value.inRegisters) {
      writeRegisters(statements, projections, caseSummaryDocument(caseId, state, at));
    }
    return { ...value, inRegisters: registered };
  };

  const apply = (
    events: readonly RecordedEvent[],
    { publish, advanceCheckpoint = true }: ApplyOptions,
  ): ApplyResult => {
    db.exec('BEGIN IMMEDIATE');
    const changed = new Map<string, CachedCase>();
    const deltas = new Map<string, number>();
    try {
      const stored = advanceCheckpoint ? storedCheckpoint() : undefined;
      if (advanceCheckpoint && stored !== known) {
        // Someone else (another projector on this file) moved the checkpoint: our cached
        // cases and counters may be behind the file. Start again from what is committed.
        cache.clear();
        reloadCounts();
      }
      let applied = 0;
      let last = stored;
      for (const event of events) {
        if (stored !== undefined && event.position <= stored) continue;
        last = event.position;
        let caseId: string;
        let previous: CachedCase;
        let state: CaseState;
        let at: LogPosition;
        try {
          const envelope = envelopeOf(event);
          if (envelope === undefined) continue;
          caseId = envelope.caseId;
          // Revision 0 opens a stream: there is nothing to load (saves a lookup per case).
          previous = changed.get(caseId) ?? (envelope.revision === 0 ? absent : load(caseId));
          state = foldCase(previous.state, envelope);
          at = {
            revision: envelope.revision,
            position: envelope.position,
            recordedAt: envelope.recordedAt,
          };
        } catch (error) {
          throw new ProjectionFailedError(event.position, event.type, error);
        }
        const signature = caseFigureSignature(state);
        if (signature !== previous.signature && projections.has('national-summary')) {
          // Tallied by signature; expanded to counter keys once per batch (figureKeys).
          if (previous.signature !== '') tally(deltas, previous.signature, -1);
          tally(deltas, signature, 1);
          figureKeys.remember(previous.signature, previous.state);
          figureKeys.remember(signature, state);
        }
        changed.set(caseId, { state, at, signature, inRegisters: previous.inRegisters });
        if (publish && state.status !== 'unreported') {
          const document = caseSummaryDocument(caseId, state, at);
          enqueue(db, { kind: 'case', caseId, document, time: at.recordedAt });
        }
        applied += 1;
      }
      for (const [caseId, value] of changed) changed.set(caseId, save(caseId, value));
      if (applyDeltas(deltas) && last !== undefined)
        writeStatistics(db, statements, counts, last, publish);
      if (advanceCheckpoint && last !== undefined && last !== stored) {
        statements.saveCheckpoint.run(CHECKPOINT_NAME, last, new Date().toISOString());
      }
      db.exec('COMMIT');
      for (const [caseId, value] of changed) cache.set(caseId, value);
      if (advanceCheckpoint) known = last;
      return { applied, checkpoint: last };
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      cache.clear();
      reloadCounts();
      throw error;
    }
  };

  const applyDeltas = (bySignature: ReadonlyMap<string, number>): boolean => {
    const deltas = new Map<string, number>();
    for (const [signature, delta] of bySignature) {
      if (delta !== 0) addKeys(deltas, figureKeys.of(signature), delta);
    }
    figureKeys.trim();
    let changed = false;
    for (const [key, delta] of deltas) {
      if (delta === 0) continue;
      statements.addCount.run(key, delta);
      counts.set(key, (counts.get(key) ?? 0) + delta);
      changed = true;
    }
    return changed;
  };

  return { checkpoint: () => known, apply };
}
