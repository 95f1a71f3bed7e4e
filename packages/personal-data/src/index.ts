/**
 * @casetrail/personal-data: encryption of personal fields with a key per person (AES-256-GCM),
 * the key store port and its SQLite adapter, erasure by key destruction, and the hash-chained
 * access log of every read of decrypted personal data. Nothing here may log, publish or put a
 * personal value in an error message.
 */

export type {
  AccessLog,
  AccessLogEntry,
  AccessLogHead,
  AccessLogVerification,
  AccessRecord,
} from './access-log.ts';
export { AccessChannel, AccessRecordSchema } from './access-log.ts';
export { domainPersonalPaths } from './domain-personal-paths.ts';
export type {
  EmbeddedPersonalData,
  EmbeddedPersonalDataOptions,
} from './embedded-personal-data.ts';
export {
  ACCESS_LOG_FILE,
  KEY_STORE_FILE,
  openEmbeddedPersonalData,
} from './embedded-personal-data.ts';
export type { ErasedMarker, MaskedMarker, SealedEnvelope } from './envelope.ts';
export {
  ENVELOPE_VERSION,
  isErasedMarker,
  isMaskedMarker,
  isSealedEnvelope,
  isVaultMarker,
} from './envelope.ts';
export {
  AccessLogError,
  AlreadySealedError,
  DataKeyMissingError,
  InvalidInputError,
  KeyStoreError,
  KeyUnwrapError,
  MasterKeyError,
  SubjectErasedError,
  TamperedEnvelopeError,
  UnsealedPersonalValueError,
  WrongMasterKeyError,
} from './errors.ts';
export type { FieldPath, PersonalPaths } from './field-path.ts';
export { FIELD_PATH_WILDCARD } from './field-path.ts';
export { fieldPathFromJsonPath, personalPathsFromJsonPaths } from './json-path.ts';
export type {
  ActiveDataKey,
  DataKeyLookup,
  DestroyedDataKey,
  KeyDestruction,
  KeyStore,
} from './key-store.ts';
export { SubjectIdSchema } from './key-store.ts';
export type { MasterKey } from './master-key.ts';
export {
  loadOrCreateMasterKey,
  MASTER_KEY_FILE,
  parseMasterKey,
  resolveMasterKey,
} from './master-key.ts';
export type {
  EventData,
  PersonalDataVault,
  PersonalDataVaultOptions,
} from './personal-data-vault.ts';
export { createPersonalDataVault } from './personal-data-vault.ts';
export type { SqliteAccessLogOptions } from './sqlite-access-log.ts';
export { openSqliteAccessLog } from './sqlite-access-log.ts';
export type { SqliteKeyStoreOptions } from './sqlite-key-store.ts';
export { openSqliteKeyStore } from './sqlite-key-store.ts';
