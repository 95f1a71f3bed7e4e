import { createSecretKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { caseEventRegistry, parseCaseEvent, parseStoredEvent } from '@casetrail/domain';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainPersonalPaths } from './domain-personal-paths.ts';
import type { KeyStore } from './key-store.ts';
import { createPersonalDataVault } from './personal-data-vault.ts';
import { openSqliteKeyStore } from './sqlite-key-store.ts';

// A fresh CaseReported as an agency would send it; checked against the domain's strict schema.
const reported = {
  person: { fullName: 'Lim Wei Ming', myKadNumber: '900101-14-5678', sex: 'male' },
  reporter: { name: 'Lim Ah Kow', contact: { phone: '+60 12 888 7777' } },
  reportSource: 'family',
  country: 'KH',
  narrative: 'Left for a job in Phnom Penh; messages stopped after two weeks.',
};
const plaintexts = ['Lim Wei Ming', '900101-14-5678', 'Lim Ah Kow', '888 7777', 'Phnom Penh'];
const schemaVersion = caseEventRegistry.CaseReported.schemaVersion;

let dir: TempDir;
let keyStore: KeyStore;
beforeEach(() => {
  dir = tempDir('casetrail-domain-vault-');
  keyStore = openSqliteKeyStore({
    path: join(dir.path, 'keys.db'),
    masterKey: createSecretKey(randomBytes(32)),
  });
});
afterEach(async () => {
  await keyStore.close();
  dir.remove();
});

describe('the vault over the domain’s own schemas', () => {
  it('seals what the domain marks personal into data the domain reads back, and erases it', async () => {
    expect(parseCaseEvent({ type: 'CaseReported', data: reported })).toMatchObject({ ok: true });
    const vault = createPersonalDataVault({ keyStore, personalPaths: domainPersonalPaths });
    const sealed = await vault.seal('case-1', 'CaseReported', reported);
    const stored = JSON.stringify(sealed);
    for (const value of plaintexts) expect(stored).not.toContain(value);
    expect(sealed).toMatchObject({
      reportSource: 'family',
      country: 'KH',
      person: { sex: 'male' },
    });
    expect(() =>
      parseStoredEvent({ type: 'CaseReported', schemaVersion, data: sealed }),
    ).not.toThrow();
    expect(await vault.open('case-1', 'CaseReported', sealed)).toEqual(reported);

    await vault.erase('case-1');
    const erased = await vault.open('case-1', 'CaseReported', sealed);
    expect(erased).toMatchObject({
      person: { fullName: { $erased: true }, myKadNumber: { $erased: true }, sex: 'male' },
      reporter: { name: { $erased: true }, contact: { $erased: true } },
      narrative: { $erased: true },
    });
    expect(() =>
      parseStoredEvent({ type: 'CaseReported', schemaVersion, data: erased }),
    ).not.toThrow();
  });
});
