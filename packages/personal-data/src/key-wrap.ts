/**
 * Wrapping of data keys under the master key (AES-256-GCM, AAD = subject id, so a wrapped key
 * moved to another subject's row fails to unwrap), and the master-key check value that lets a
 * key store refuse a wrong master key at open instead of at first read.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

function wrapAad(subjectId: string): Buffer {
  return Buffer.from(JSON.stringify(['casetrail/key-wrap/v1', subjectId]));
}

/** A fresh data key and its wrapped form (iv | tag | ciphertext, 60 bytes). */
export function createWrappedDataKey(
  masterKey: KeyObject,
  subjectId: string,
): { key: KeyObject; wrapped: Buffer } {
  const raw = randomBytes(DATA_KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(wrapAad(subjectId));
  const ciphertext = Buffer.concat([cipher.update(raw), cipher.final()]);
  const wrapped = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  const key = createSecretKey(raw);
  raw.fill(0);
  return { key, wrapped };
}

/** The data key, or undefined when the wrapped bytes fail authentication. */
export function unwrapDataKey(
  masterKey: KeyObject,
  subjectId: string,
  wrapped: Uint8Array,
): KeyObject | undefined {
  const bytes = Buffer.from(wrapped);
  if (bytes.length !== IV_BYTES + TAG_BYTES + DATA_KEY_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(wrapAad(subjectId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const raw = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    const key = createSecretKey(raw);
    raw.fill(0);
    return key;
  } catch {
    return undefined;
  }
}

/** A value that identifies the master key without revealing it (HMAC of a fixed label). */
export function masterKeyCheck(masterKey: KeyObject): string {
  return createHmac('sha256', masterKey)
    .update('casetrail/master-key-check/v1')
    .digest('base64url');
}
