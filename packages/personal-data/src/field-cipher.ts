/**
 * AES-256-GCM over one personal field. The additional authenticated data binds the subject,
 * the event type and the concrete field path, so an envelope copied to another field, event
 * type or case fails to open. Every call draws a fresh 12-byte IV: never reuse one with a key.
 */
import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { decodeEnvelope, encodeEnvelope, type SealedEnvelope } from './envelope.ts';

/** What a field's ciphertext is bound to. */
export type FieldBinding = {
  readonly subjectId: string;
  readonly eventType: string;
  /** Concrete path, array indexes included (e.g. `contacts[1].phone`). */
  readonly path: string;
};

export function fieldAad(binding: FieldBinding): Buffer {
  // JSON array encoding keeps the three parts unambiguous whatever characters they hold.
  return Buffer.from(
    JSON.stringify(['casetrail/field/v1', binding.subjectId, binding.eventType, binding.path]),
  );
}

export function encryptField(
  key: KeyObject,
  binding: FieldBinding,
  value: unknown,
): SealedEnvelope {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(fieldAad(binding));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return encodeEnvelope({ iv, ciphertext, tag: cipher.getAuthTag() });
}

export type DecryptResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'malformed' | 'authentication-failed' };

/** Opens one envelope. Failures are reasons, never messages that could quote the plaintext. */
export function decryptField(
  key: KeyObject,
  binding: FieldBinding,
  envelope: SealedEnvelope,
): DecryptResult {
  const parts = decodeEnvelope(envelope);
  if (!parts) return { ok: false, reason: 'malformed' };
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: 16 });
    decipher.setAAD(fieldAad(binding));
    decipher.setAuthTag(parts.tag);
    plaintext = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return { ok: false, reason: 'authentication-failed' };
  }
  try {
    return { ok: true, value: JSON.parse(plaintext) };
  } catch {
    // Authenticated but not JSON: only a bug on the sealing side can do this.
    return { ok: false, reason: 'malformed' };
  }
}
