import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TempDir, tempDir } from '@casetrail/test-harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MasterKeyError } from './errors.ts';
import {
  loadOrCreateMasterKey,
  MASTER_KEY_FILE,
  parseMasterKey,
  resolveMasterKey,
} from './master-key.ts';

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('casetrail-master-key-');
});
afterEach(() => dir.remove());

describe('master key', () => {
  it('generates a 0600 key file once, then reads the same key back', () => {
    const dataDir = join(dir.path, 'nested', 'data');
    const first = loadOrCreateMasterKey(dataDir);
    const path = join(dataDir, MASTER_KEY_FILE);
    expect(first.origin).toBe('generated-key-file');
    expect(first.path).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([MASTER_KEY_FILE]); // no draft left behind
    const second = loadOrCreateMasterKey(dataDir);
    expect(second.origin).toBe('key-file');
    expect(second.key.export()).toEqual(first.key.export());
    expect(first.key.symmetricKeySize).toBe(32);
  });

  it('refuses a key file that group or others can read, saying how to fix it', () => {
    loadOrCreateMasterKey(dir.path);
    chmodSync(join(dir.path, MASTER_KEY_FILE), 0o644);
    expect(() => loadOrCreateMasterKey(dir.path)).toThrow(/permissions 0644.*chmod 600/);
  });

  it('refuses a malformed key file without quoting its contents', () => {
    writeFileSync(join(dir.path, MASTER_KEY_FILE), 'not-a-key-at-all\n', { mode: 0o600 });
    const error = catchError(() => loadOrCreateMasterKey(dir.path));
    expect(error).toBeInstanceOf(MasterKeyError);
    expect(error.message).toMatch(/must be 32 bytes, base64/);
    expect(error.message).not.toContain('not-a-key-at-all');
  });

  it('uses the configured key and creates no file', () => {
    const configured = randomBytes(32).toString('base64');
    const resolved = resolveMasterKey({ configured, dataDir: dir.path });
    expect(resolved.origin).toBe('configuration');
    expect(resolved.key.export().toString('base64')).toBe(configured);
    expect(existsSync(join(dir.path, MASTER_KEY_FILE))).toBe(false);
  });

  it('refuses a configured key of the wrong length without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    const error = catchError(() => parseMasterKey(short));
    expect(error).toMatchObject({ code: 'MasterKeyInvalid', name: 'MasterKeyError' });
    expect(error.message).toContain('CASETRAIL_MASTER_KEY');
    expect(error.message).not.toContain(short);
  });
});

function catchError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}
