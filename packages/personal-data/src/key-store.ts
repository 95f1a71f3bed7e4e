/**
 * The key-store port: one data key per subject (subject = caseId: one case is one person),
 * kept apart from the event store. The embedded adapter is SQLite; a KMS or Vault adapter can
 * take its place. Implementations must never hand out a key for a destroyed subject and must
 * never recreate one: destruction is final, and that finality is what erasure rests on.
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/** Subject ids are case ids: opaque, non-empty, printable. */
export const SubjectIdSchema = z
  .string({ message: 'must be a string' })
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** A live data key: 32 random bytes, held only as a KeyObject in memory. */
export type ActiveDataKey = {
  readonly state: 'active';
  readonly subjectId: string;
  readonly key: KeyObject;
};

/** The subject's key was destroyed: its sealed data is unreadable for good. */
export type DestroyedDataKey = {
  readonly state: 'destroyed';
  readonly subjectId: string;
  /** ISO 8601 UTC. */
  readonly destroyedAt: string;
};

export type DataKeyLookup = ActiveDataKey | DestroyedDataKey;

export type KeyDestruction = {
  readonly subjectId: string;
  /** When the key was destroyed (the first time, on a repeated call). */
  readonly destroyedAt: string;
  /** False when no key had ever been created (a tombstone is recorded anyway). */
  readonly hadKey: boolean;
};

export type KeyStore = {
  /** The subject's key, created on first use; the destroyed result when it was erased. */
  getOrCreateKey(subjectId: string): Promise<DataKeyLookup>;
  /** The subject's key; undefined when none was ever created. */
  getKey(subjectId: string): Promise<DataKeyLookup | undefined>;
  /** Destroys the key and records a tombstone. Idempotent. */
  destroyKey(subjectId: string): Promise<KeyDestruction>;
  close(): Promise<void>;
};
