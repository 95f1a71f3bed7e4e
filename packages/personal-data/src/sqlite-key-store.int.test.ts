import { createSecretKey, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, KeyStoreError, KeyUnwrapError, WrongMasterKeyError } from './errors.ts';
import type { ActiveDataKey, DataKeyLookup, KeyStore } from './key-store.ts';
import { openSqliteKeyStore } from './sqlite-key-store.ts';

let dir: TempDir;
let path: string;
const masterKey = createSecretKey(randomBytes(32));
const open: KeyStore[] = [];
const openStore = (key = masterKey): KeyStore => {
  const store = openSqliteKeyStore({
    path,
    masterKey: key,
    now: () => new Date('2025-11-01T00:00:00Z'),
  });
  open.push(store);
  return store;
};

beforeEach(() => {
  dir = tempDir('casetrail-keys-');
  path = join(dir.path, 'keys.db');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  dir.remove();
});

function active(lookup: DataKeyLookup | undefined): ActiveDataKey {
  if (lookup?.state !== 'active') throw new Error(`expected an active key, got ${lookup?.state}`);
  return lookup;
}

/** Every file SQLite keeps beside the database (journal, WAL) counts as the key file. */
function filesContain(needle: Buffer): boolean {
  return readdirSync(dir.path).some((name) => readFileSync(join(dir.path, name)).includes(needle));
}

function wrappedBytes(subjectId: string): Buffer {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare('SELECT wrapped FROM data_keys WHERE subject_id = ?').get(subjectId);
    return Buffer.from((row as { wrapped: Uint8Array }).wrapped);
  } finally {
    db.close();
  }
}

describe('SQLite key store', () => {
  it('says undefined for a subject it never saw, and creates one key per subject on demand', async () => {
    const store = openStore();
    expect(await store.getKey('case-1')).toBeUndefined();
    const created = active(await store.getOrCreateKey('case-1'));
    expect(created.key.symmetricKeySize).toBe(32);
    const again = active(await store.getOrCreateKey('case-1'));
    expect(again.key.export()).toEqual(created.key.export());
    const other = active(await store.getOrCreateKey('case-2'));
    expect(other.key.export()).not.toEqual(created.key.export());
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps keys across reopening, and other connections to the file see them at once', async () => {
    const first = openStore();
    const second = openStore();
    const created = active(await first.getOrCreateKey('case-1'));
    expect(active(await second.getKey('case-1')).key.export()).toEqual(created.key.export());
    await first.close();
    expect(active(await openStore().getKey('case-1')).key.export()).toEqual(created.key.export());
  });

  it('destroys a key for good: a typed tombstone, never recreated, idempotent', async () => {
    const store = openStore();
    const other = openStore();
    await store.getOrCreateKey('case-1');
    const destroyed = await store.destroyKey('case-1');
    expect(destroyed).toEqual({
      subjectId: 'case-1',
      destroyedAt: '2025-11-01T00:00:00.000Z',
      hadKey: true,
    });
    const tombstone = {
      state: 'destroyed',
      subjectId: 'case-1',
      destroyedAt: destroyed.destroyedAt,
    };
    expect(await store.getKey('case-1')).toEqual(tombstone);
    expect(await other.getKey('case-1')).toEqual(tombstone);
    expect(await store.getOrCreateKey('case-1')).toEqual(tombstone);
    expect(await store.destroyKey('case-1')).toEqual(destroyed);
  });

  it('records a tombstone for a subject that never had a key, so none can be made later', async () => {
    const store = openStore();
    expect(await store.destroyKey('case-9')).toMatchObject({ hadKey: false });
    expect(await store.getOrCreateKey('case-9')).toMatchObject({ state: 'destroyed' });
  });

  it('never writes a raw data key, and leaves no trace of the wrapped key after destruction', async () => {
    const store = openStore();
    const raw = active(await store.getOrCreateKey('case-1')).key.export();
    const keep = active(await store.getOrCreateKey('case-2')).key.export();
    const wrapped = wrappedBytes('case-1');
    expect(filesContain(wrapped)).toBe(true); // the probe can see what it looks for
    expect(filesContain(raw)).toBe(false);
    await store.destroyKey('case-1');
    await store.close();
    expect(filesContain(wrapped)).toBe(false);
    expect(filesContain(raw)).toBe(false);
    expect(filesContain(wrappedBytes('case-2'))).toBe(true);
    expect(filesContain(keep)).toBe(false);
  });

  it('refuses a different master key at open, naming the fix and not the key', async () => {
    await openStore().getOrCreateKey('case-1');
    const wrong = createSecretKey(randomBytes(32));
    const error = await Promise.resolve()
      .then(() => openStore(wrong))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WrongMasterKeyError);
    expect(error).toMatchObject({ code: 'WrongMasterKey', name: 'WrongMasterKeyError' });
    expect((error as Error).message).toMatch(/CASETRAIL_MASTER_KEY/);
    expect((error as Error).message).not.toContain(wrong.export().toString('base64'));
    expect(active(await openStore().getKey('case-1')).key.symmetricKeySize).toBe(32);
  });

  it('detects a wrapped key moved to another subject', async () => {
    const store = openStore();
    await store.getOrCreateKey('case-1');
    await store.getOrCreateKey('case-2');
    const db = new DatabaseSync(path);
    db.prepare('UPDATE data_keys SET wrapped = ? WHERE subject_id = ?').run(
      wrappedBytes('case-1'),
      'case-2',
    );
    db.close();
    await expect(store.getKey('case-2')).rejects.toBeInstanceOf(KeyUnwrapError);
  });

  it('refuses bad subject ids without echoing them, and any use after close', async () => {
    const store = openStore();
    const error = await store.getOrCreateKey('Siti binti Ahmad').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/subject id.*printable ASCII without spaces/);
    expect((error as Error).message).not.toContain('Siti');
    await expect(store.getKey('')).rejects.toBeInstanceOf(InvalidInputError);
    await store.close();
    await expect(store.getKey('case-1')).rejects.toBeInstanceOf(KeyStoreError);
  });
});
