/**
 * The master key that wraps every data key: 32 bytes, base64, from configuration
 * (CASETRAIL_MASTER_KEY) or, embedded, from a generated key file in the data directory with
 * 0600 permissions. Never logs or echoes the key; refuses a key file others can read.
 */
import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { MasterKeyError } from './errors.ts';

export const MASTER_KEY_FILE = 'master.key';

export type MasterKey = {
  readonly key: KeyObject;
  /** Where it came from, for the start-up message (never the key itself). */
  readonly origin: 'configuration' | 'key-file' | 'generated-key-file';
  readonly path?: string;
};

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/** Parses a base64-encoded 32-byte master key; `source` names it in the error. */
export function parseMasterKey(base64: string, source = 'CASETRAIL_MASTER_KEY'): KeyObject {
  const text = base64.trim();
  if (!BASE64_32_BYTES.test(text)) {
    throw new MasterKeyError(`${source}: must be 32 bytes, base64 encoded (44 characters)`);
  }
  return createSecretKey(Buffer.from(text, 'base64'));
}

/** Writes a new 0600 file and flushes it: losing the master key loses every data key. */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // the umask may have changed the mode given to open
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function readKeyFile(path: string): KeyObject {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new MasterKeyError(
      `master key file ${path} has permissions ${mode.toString(8).padStart(4, '0')}; it must be readable by its owner only (chmod 600)`,
    );
  }
  return parseMasterKey(readFileSync(path, 'utf8'), path);
}

/** Creates the key file; false when another process created it first. */
function createKeyFile(dataDir: string, path: string): boolean {
  // Written aside, then hard-linked into place: link() fails when the file exists, so two
  // processes starting together never both generate, and nobody reads a half-written key.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeDurably(draft, `${randomBytes(32).toString('base64')}\n`);
    linkSync(draft, path);
    syncDirectory(dataDir);
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw new MasterKeyError(`could not create the master key file ${path}`, { cause: error });
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Reads `<dataDir>/master.key`, creating it (0600, random) when absent. Refuses a file that
 * group or others may read, as ssh does with private keys: a readable master key undoes
 * every data key it wraps.
 */
export function loadOrCreateMasterKey(dataDir: string): MasterKey {
  const path = join(dataDir, MASTER_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  const created = !existsSync(path) && createKeyFile(dataDir, path);
  return { key: readKeyFile(path), origin: created ? 'generated-key-file' : 'key-file', path };
}

/** The configured master key when given, else the data directory's key file. */
export function resolveMasterKey(options: {
  readonly configured?: string | undefined;
  readonly dataDir: string;
}): MasterKey {
  if (options.configured !== undefined) {
    return { key: parseMasterKey(options.configured), origin: 'configuration' };
  }
  return loadOrCreateMasterKey(options.dataDir);
}
