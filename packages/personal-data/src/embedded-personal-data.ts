/**
 * The embedded wiring: master key (configured or the data directory's key file), the SQLite
 * key store in DATA_DIR/keys.db, the vault over it and the access log in
 * DATA_DIR/access-log.db. Files live beside, never inside, the event store: erasing a key must
 * not touch the immutable log.
 */
import { join } from 'node:path';
import type { AccessLog } from './access-log.ts';
import type { PersonalPaths } from './field-path.ts';
import type { KeyStore } from './key-store.ts';
import { type MasterKey, resolveMasterKey } from './master-key.ts';
import { createPersonalDataVault, type PersonalDataVault } from './personal-data-vault.ts';
import { openSqliteAccessLog } from './sqlite-access-log.ts';
import { openSqliteKeyStore } from './sqlite-key-store.ts';

export const KEY_STORE_FILE = 'keys.db';
export const ACCESS_LOG_FILE = 'access-log.db';

export type EmbeddedPersonalDataOptions = {
  readonly dataDir: string;
  /** CASETRAIL_MASTER_KEY (base64, 32 bytes); absent: the generated key file in dataDir. */
  readonly masterKey?: string | undefined;
  readonly personalPaths: PersonalPaths;
};

export type EmbeddedPersonalData = {
  readonly vault: PersonalDataVault;
  readonly keyStore: KeyStore;
  readonly accessLog: AccessLog;
  /** Where the master key came from, for the start-up message. */
  readonly masterKeyOrigin: Omit<MasterKey, 'key'>;
  close(): Promise<void>;
};

export function openEmbeddedPersonalData(
  options: EmbeddedPersonalDataOptions,
): EmbeddedPersonalData {
  const masterKey = resolveMasterKey({ configured: options.masterKey, dataDir: options.dataDir });
  const keyStore = openSqliteKeyStore({
    path: join(options.dataDir, KEY_STORE_FILE),
    masterKey: masterKey.key,
  });
  let accessLog: AccessLog;
  try {
    accessLog = openSqliteAccessLog({ path: join(options.dataDir, ACCESS_LOG_FILE) });
  } catch (error) {
    void keyStore.close();
    throw error;
  }
  const { key: _key, ...origin } = masterKey;
  return {
    vault: createPersonalDataVault({ keyStore, personalPaths: options.personalPaths }),
    keyStore,
    accessLog,
    masterKeyOrigin: origin,
    close: async () => {
      await Promise.all([keyStore.close(), accessLog.close()]);
    },
  };
}
