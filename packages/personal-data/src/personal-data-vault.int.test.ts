import { createSecretKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSealedEnvelope } from './envelope.ts';
import {
  AlreadySealedError,
  DataKeyMissingError,
  InvalidInputError,
  SubjectErasedError,
  TamperedEnvelopeError,
  UnsealedPersonalValueError,
} from './errors.ts';
import type { FieldPath } from './field-path.ts';
import type { KeyStore } from './key-store.ts';
import { createPersonalDataVault, type PersonalDataVault } from './personal-data-vault.ts';
import { openSqliteKeyStore } from './sqlite-key-store.ts';

// Stands in for the domain's schema-derived list; the vault takes any such function.
const personal: Record<string, readonly FieldPath[]> = {
  CaseReported: [
    ['person', 'fullName'],
    ['person', 'passportNumber'],
    ['reporter'],
    ['contacts', '*', 'phone'],
    ['narrative'],
  ],
  DetailsCorrected: [
    ['changes', '*', 'from'],
    ['changes', '*', 'to'],
  ],
};
const personalPaths = (eventType: string) => personal[eventType] ?? [];

const reported = {
  person: { fullName: 'Nur Aisyah binti Rahman', passportNumber: 'A12345678', sex: 'female' },
  reporter: { name: 'Rahman bin Ali', phone: '+60 12-345 6789', relation: 'father' },
  contacts: [
    { phone: '+855 11 222 333', kind: 'recruiter' },
    { kind: 'none' },
    { phone: '+60 3-1111' },
  ],
  narrative: 'Answered a job advert for customer service in Sihanoukville.',
  country: 'KH',
  source: 'family',
};
const plaintexts = [
  'Nur Aisyah',
  'A12345678',
  'Rahman bin Ali',
  '+60 12-345',
  '+855 11',
  '+60 3-1111',
  'Sihanoukville',
];

const masterKey = createSecretKey(randomBytes(32));
let dir: TempDir;
let keyStore: KeyStore;
let vault: PersonalDataVault;
beforeEach(() => {
  dir = tempDir('casetrail-vault-');
  keyStore = openSqliteKeyStore({ path: join(dir.path, 'keys.db'), masterKey });
  vault = createPersonalDataVault({ keyStore, personalPaths });
});
afterEach(async () => {
  await keyStore.close();
  dir.remove();
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected a rejection');
  return outcome;
}

function expectNoPlaintext(error: Error): void {
  const text = `${error.message} ${String(error.cause ?? '')} ${JSON.stringify(error)}`;
  for (const value of plaintexts) expect(text).not.toContain(value);
}

describe('PersonalDataVault', () => {
  it('seals nested and array personal fields, leaves the rest, and opens them back', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const stored = JSON.stringify(sealed);
    for (const value of plaintexts) expect(stored).not.toContain(value);
    expect(isSealedEnvelope((sealed.person as Record<string, unknown>).fullName)).toBe(true);
    expect(isSealedEnvelope(sealed.reporter)).toBe(true);
    expect(sealed.contacts).toEqual([
      {
        phone: expect.objectContaining({ $sealed: expect.stringMatching(/^v1\./) }),
        kind: 'recruiter',
      },
      { kind: 'none' },
      { phone: expect.objectContaining({ $sealed: expect.any(String) }) },
    ]);
    expect(sealed).toMatchObject({ country: 'KH', source: 'family', person: { sex: 'female' } });
    expect(await vault.open('case-1', 'CaseReported', sealed)).toEqual(reported);
  });

  it('draws fresh ciphertext on every seal, even for the same value', async () => {
    const first = await vault.seal('case-1', 'CaseReported', reported);
    const second = await vault.seal('case-1', 'CaseReported', reported);
    expect(JSON.stringify(first.reporter)).not.toBe(JSON.stringify(second.reporter));
  });

  it('binds each envelope to its field, its place in an array, its event type and its subject', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const person = sealed.person as Record<string, unknown>;
    const contacts = sealed.contacts as Record<string, unknown>[];
    const movedField = { ...sealed, person: { ...person, passportNumber: person.fullName } };
    const swapped = {
      ...sealed,
      contacts: [contacts[0], contacts[1], { phone: contacts[0]?.phone }],
    };
    const otherType = {
      changes: [{ field: 'fullName', from: person.fullName, to: person.fullName }],
    };
    await vault.seal('case-2', 'CaseReported', reported); // case-2 has a key of its own
    for (const [subject, type, data] of [
      ['case-1', 'CaseReported', movedField],
      ['case-1', 'CaseReported', swapped],
      ['case-1', 'DetailsCorrected', otherType],
      ['case-2', 'CaseReported', sealed],
    ] as const) {
      const error = await rejection(vault.open(subject, type, data));
      expect(error).toBeInstanceOf(TamperedEnvelopeError);
      expect(error).toMatchObject({ code: 'TamperedEnvelope', reason: 'authentication-failed' });
      expectNoPlaintext(error);
    }
  });

  it('erases: every later open shows erased markers, including data sealed before', async () => {
    const before = await vault.seal('case-1', 'CaseReported', reported);
    const correction = await vault.seal('case-1', 'DetailsCorrected', {
      changes: [{ field: 'fullName', from: 'Nur Aisyah', to: 'Nur Aisyah binti Rahman' }],
      reason: 'spelling',
    });
    const kept = await vault.seal('case-2', 'CaseReported', reported);
    expect(await vault.erase('case-1')).toMatchObject({ subjectId: 'case-1', hadKey: true });
    const erased = { $erased: true };
    expect(await vault.open('case-1', 'CaseReported', before)).toEqual({
      ...reported,
      person: { fullName: erased, passportNumber: erased, sex: 'female' },
      reporter: erased,
      contacts: [{ phone: erased, kind: 'recruiter' }, { kind: 'none' }, { phone: erased }],
      narrative: erased,
    });
    expect(await vault.open('case-1', 'DetailsCorrected', correction)).toEqual({
      changes: [{ field: 'fullName', from: erased, to: erased }],
      reason: 'spelling',
    });
    expect(await vault.open('case-2', 'CaseReported', kept)).toEqual(reported);
    const refused = await rejection(vault.seal('case-1', 'CaseReported', reported));
    expect(refused).toBeInstanceOf(SubjectErasedError);
  });

  it('erasure survives reopening the key store', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    await vault.erase('case-1');
    await keyStore.close();
    keyStore = openSqliteKeyStore({ path: join(dir.path, 'keys.db'), masterKey });
    vault = createPersonalDataVault({ keyStore, personalPaths });
    expect(await vault.open('case-1', 'CaseReported', sealed)).toMatchObject({
      narrative: { $erased: true },
    });
  });

  it('masks personal fields, plain or sealed, without any key', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const masked = { $masked: true };
    for (const data of [reported, sealed]) {
      expect(vault.mask('CaseReported', data)).toMatchObject({
        person: { fullName: masked, passportNumber: masked, sex: 'female' },
        reporter: masked,
        contacts: [{ phone: masked, kind: 'recruiter' }, { kind: 'none' }, { phone: masked }],
        narrative: masked,
        country: 'KH',
      });
    }
  });

  it('creates no key and changes nothing for data without personal fields', async () => {
    const data = { country: 'TH', location: { city: 'Mae Sot' } };
    expect(await vault.seal('case-5', 'PersonTracked', data)).toEqual(data);
    expect(await vault.seal('case-5', 'CaseReported', { country: 'TH' })).toEqual({
      country: 'TH',
    });
    expect(await keyStore.getKey('case-5')).toBeUndefined();
    expect(await vault.open('case-5', 'CaseReported', { country: 'TH' })).toEqual({
      country: 'TH',
    });
  });

  it('never mutates its input', async () => {
    const input = structuredClone(reported);
    const sealed = await vault.seal('case-1', 'CaseReported', input);
    const sealedCopy = structuredClone(sealed);
    await vault.open('case-1', 'CaseReported', sealed);
    vault.mask('CaseReported', sealed);
    await vault.erase('case-1');
    await vault.open('case-1', 'CaseReported', sealed);
    expect(input).toEqual(reported);
    expect(sealed).toEqual(sealedCopy);
  });

  it('refuses to seal a value that is already sealed, erased or masked', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    for (const data of [
      sealed,
      { narrative: { $erased: true } },
      { reporter: { $masked: true } },
    ]) {
      const error = await rejection(vault.seal('case-1', 'CaseReported', data));
      expect(error).toBeInstanceOf(AlreadySealedError);
      expect(error).toMatchObject({ code: 'AlreadySealed', name: 'AlreadySealedError' });
    }
  });

  it('reports tampered ciphertext with a typed error that quotes no plaintext', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const envelope = (sealed.reporter as { $sealed: string }).$sealed;
    const [version, iv, ciphertext, tag] = envelope.split('.');
    const bytes = Buffer.from(ciphertext ?? '', 'base64url');
    bytes[3] = (bytes[3] ?? 0) ^ 0x20;
    const flipped = `${version}.${iv}.${bytes.toString('base64url')}.${tag}`;
    for (const [value, reason] of [
      [flipped, 'authentication-failed'],
      [`${version}.${iv}.${ciphertext}`, 'malformed'],
    ] as const) {
      const error = await rejection(
        vault.open('case-1', 'CaseReported', { ...sealed, reporter: { $sealed: value } }),
      );
      expect(error).toBeInstanceOf(TamperedEnvelopeError);
      expect(error).toMatchObject({ reason });
      expect(error.message).toContain('reporter');
      expect(error.cause).toBeUndefined();
      expectNoPlaintext(error);
    }
  });

  it('refuses to pass a plain personal value through open, without quoting it', async () => {
    await vault.seal('case-1', 'CaseReported', reported);
    for (const subject of ['case-1', 'case-never-keyed']) {
      const error = await rejection(vault.open(subject, 'CaseReported', reported));
      expect(error).toBeInstanceOf(UnsealedPersonalValueError);
      expectNoPlaintext(error);
    }
  });

  it('says so when sealed data meets a key store that never had its key', async () => {
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const elsewhere = openSqliteKeyStore({ path: join(dir.path, 'other-keys.db'), masterKey });
    try {
      const other = createPersonalDataVault({ keyStore: elsewhere, personalPaths });
      const error = await rejection(other.open('case-1', 'CaseReported', sealed));
      expect(error).toBeInstanceOf(DataKeyMissingError);
      expect(error.message).toMatch(/right key store/);
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses bad arguments naming what is wrong, and records no key', async () => {
    for (const [subject, type, data, field] of [
      ['', 'CaseReported', reported, 'subject id'],
      ['case-7', '', reported, 'event type'],
      ['case-7', 'CaseReported', ['Nur Aisyah'], 'event data'],
      ['case-7', 'CaseReported', null, 'event data'],
    ] as const) {
      const error = await rejection(vault.seal(subject, type, data as never));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.message).toContain(`invalid ${field}`);
      expectNoPlaintext(error);
    }
    expect(await keyStore.getKey('case-7')).toBeUndefined();
  });
});
