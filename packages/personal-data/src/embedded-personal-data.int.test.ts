import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_FILE,
  KEY_STORE_FILE,
  MASTER_KEY_FILE,
  openEmbeddedPersonalData,
  personalPathsFromJsonPaths,
  WrongMasterKeyError,
} from './index.ts';

const personalPaths = personalPathsFromJsonPaths((type) =>
  type === 'CaseReported' ? ['$.person.fullName', '$.contacts[*].phone'] : [],
);
const data = {
  person: { fullName: 'Hafiz bin Osman' },
  contacts: [{ phone: '+60 1' }],
  country: 'MM',
};

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('casetrail-embedded-');
});
afterEach(() => dir.remove());

describe('embedded personal data', () => {
  it('keeps master key, keys and access log in their own files in the data directory', async () => {
    const embedded = openEmbeddedPersonalData({ dataDir: dir.path, personalPaths });
    try {
      expect(embedded.masterKeyOrigin).toEqual({
        origin: 'generated-key-file',
        path: join(dir.path, MASTER_KEY_FILE),
      });
      const sealed = await embedded.vault.seal('case-1', 'CaseReported', data);
      await embedded.accessLog.record({
        actor: { agency: 'embassy', sub: 'consul-1' },
        caseId: 'case-1',
        channel: 'api',
        at: '2025-10-29T00:00:00Z',
      });
      expect(await embedded.vault.open('case-1', 'CaseReported', sealed)).toEqual(data);
      expect(await embedded.accessLog.verify()).toMatchObject({ ok: true, entries: 1 });
    } finally {
      await embedded.close();
    }
    expect(readdirSync(dir.path)).toEqual(
      expect.arrayContaining([MASTER_KEY_FILE, KEY_STORE_FILE, ACCESS_LOG_FILE]),
    );
    const again = openEmbeddedPersonalData({ dataDir: dir.path, personalPaths });
    expect(again.masterKeyOrigin.origin).toBe('key-file');
    await again.close();
  });

  it('refuses a configured master key that differs from the one the keys were made with', async () => {
    const first = openEmbeddedPersonalData({ dataDir: dir.path, personalPaths });
    await first.vault.seal('case-1', 'CaseReported', data);
    await first.close();
    const configured = randomBytes(32).toString('base64');
    expect(() =>
      openEmbeddedPersonalData({ dataDir: dir.path, masterKey: configured, personalPaths }),
    ).toThrow(WrongMasterKeyError);
  });

  it('uses a configured master key without writing a key file', async () => {
    const masterKey = randomBytes(32).toString('base64');
    const embedded = openEmbeddedPersonalData({ dataDir: dir.path, masterKey, personalPaths });
    expect(embedded.masterKeyOrigin).toEqual({ origin: 'configuration' });
    await embedded.close();
    expect(existsSync(join(dir.path, MASTER_KEY_FILE))).toBe(false);
  });
});
