/**
 * The personal-data vault: seals the personal fields of an event's data before it is stored,
 * opens them for readers allowed to see them, masks them for readers who may only see that
 * they exist, and erases a subject by destroying its key. It never logs, never puts a value
 * in an error message, and never reads the master key: keys come from the KeyStore port.
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ERASED, isErasedMarker, isSealedEnvelope, isVaultMarker, MASKED } from './envelope.ts';
import {
  AlreadySealedError,
  DataKeyMissingError,
  SubjectErasedError,
  TamperedEnvelopeError,
  UnsealedPersonalValueError,
} from './errors.ts';
import { decryptField, encryptField } from './field-cipher.ts';
import {
  collectPersonalFields,
  formatPath,
  mapPersonalFields,
  type PersonalPaths,
} from './field-path.ts';
import { type KeyDestruction, type KeyStore, SubjectIdSchema } from './key-store.ts';
import { parseInput } from './parse-input.ts';

/** Event data as stored: a JSON object. */
export type EventData = Readonly<Record<string, unknown>>;

export type PersonalDataVault = {
  /** Replaces each personal value with a sealed envelope under the subject's key. */
  seal(subjectId: string, eventType: string, data: EventData): Promise<Record<string, unknown>>;
  /** Restores sealed values; after erasure every personal field reads `{ $erased: true }`. */
  open(subjectId: string, eventType: string, data: EventData): Promise<Record<string, unknown>>;
  /** Replaces each personal field with `{ $masked: true }`, without any key. */
  mask(eventType: string, data: EventData): Record<string, unknown>;
  /** Destroys the subject's key: everything sealed for it becomes unreadable, for good. */
  erase(subjectId: string): Promise<KeyDestruction>;
};

export type PersonalDataVaultOptions = {
  readonly keyStore: KeyStore;
  /** Lists an event type's personal field paths (see field-path.ts for the `*` wildcard). */
  readonly personalPaths: PersonalPaths;
};

const EventTypeSchema = z.string().min(1, 'must not be empty').max(200, 'too long');
const EventDataSchema = z.record(z.string(), z.unknown(), { message: 'must be a JSON object' });

function parseArguments(subjectId: unknown, eventType: unknown, data: unknown) {
  return {
    subjectId: parseInput(SubjectIdSchema, subjectId, 'subject id'),
    eventType: parseInput(EventTypeSchema, eventType, 'event type'),
    data: parseInput(EventDataSchema, data, 'event data') as EventData,
  };
}

export function createPersonalDataVault(options: PersonalDataVaultOptions): PersonalDataVault {
  const { keyStore, personalPaths } = options;

  const seal: PersonalDataVault['seal'] = async (...input) => {
    const { subjectId, eventType, data } = parseArguments(...input);
    const paths = personalPaths(eventType);
    const fields = collectPersonalFields(data, paths);
    const marked = fields.find((field) => isVaultMarker(field.value));
    if (marked) throw new AlreadySealedError(eventType, formatPath(marked.path));
    if (fields.length === 0) return structuredClone(data) as Record<string, unknown>;
    const found = await keyStore.getOrCreateKey(subjectId);
    if (found.state === 'destroyed') throw new SubjectErasedError(subjectId);
    return mapPersonalFields(data, paths, ({ path, value }) =>
      encryptField(found.key, { subjectId, eventType, path: formatPath(path) }, value),
    );
  };

  const openWith = (key: KeyObject, subjectId: string, eventType: string, data: EventData) =>
    mapPersonalFields(data, personalPaths(eventType), ({ path, value }) => {
      const where = formatPath(path);
      if (isErasedMarker(value)) return { ...ERASED };
      if (!isSealedEnvelope(value)) throw new UnsealedPersonalValueError(eventType, where);
      const opened = decryptField(key, { subjectId, eventType, path: where }, value);
      if (!opened.ok) throw new TamperedEnvelopeError(eventType, where, opened.reason);
      return opened.value;
    });

  const open: PersonalDataVault['open'] = async (...input) => {
    const { subjectId, eventType, data } = parseArguments(...input);
    const paths = personalPaths(eventType);
    const fields = collectPersonalFields(data, paths);
    if (fields.length === 0) return structuredClone(data) as Record<string, unknown>;
    const found = await keyStore.getKey(subjectId);
    if (found?.state === 'destroyed') return mapPersonalFields(data, paths, () => ({ ...ERASED }));
    if (found) return openWith(found.key, subjectId, eventType, data);
    // No key was ever made: only a plain value stored by mistake or a wrong key store explain
    // sealed fields here, and both must be loud.
    const sealed = fields.find((field) => isSealedEnvelope(field.value));
    if (sealed) throw new DataKeyMissingError(subjectId);
    const plain = fields.find((field) => !isErasedMarker(field.value));
    if (plain) throw new UnsealedPersonalValueError(eventType, formatPath(plain.path));
    return structuredClone(data) as Record<string, unknown>;
  };

  return {
    seal,
    open,
    mask: (eventType, data) => {
      const parsedType = parseInput(EventTypeSchema, eventType, 'event type');
      const parsedData = parseInput(EventDataSchema, data, 'event data') as EventData;
      return mapPersonalFields(parsedData, personalPaths(parsedType), () => ({ ...MASKED }));
    },
    erase: (subjectId) => keyStore.destroyKey(subjectId),
  };
}
