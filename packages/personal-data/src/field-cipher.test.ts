import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from './envelope.ts';
import { decryptField, encryptField } from './field-cipher.ts';

const key = createSecretKey(randomBytes(32));
const binding = { subjectId: 'case-1', eventType: 'CaseReported', path: 'person.fullName' };

describe('field cipher (AES-256-GCM)', () => {
  it('round-trips any JSON value', () => {
    for (const value of ['Nur Aisyah', 42, null, true, { a: [1, 'b'] }, '']) {
      expect(decryptField(key, binding, encryptField(key, binding, value))).toEqual({
        ok: true,
        value,
      });
    }
  });

  it('draws a fresh IV per call, so equal values give different ciphertexts', () => {
    const first = encryptField(key, binding, 'same');
    const second = encryptField(key, binding, 'same');
    expect(first.$sealed).not.toBe(second.$sealed);
    expect(decodeEnvelope(first)?.iv).not.toEqual(decodeEnvelope(second)?.iv);
  });

  it('binds subject, event type and path: any change fails authentication', () => {
    const sealed = encryptField(key, binding, 'Nur Aisyah');
    for (const other of [
      { ...binding, subjectId: 'case-2' },
      { ...binding, eventType: 'DetailsCorrected' },
      { ...binding, path: 'reporter.name' },
    ]) {
      expect(decryptField(key, other, sealed)).toEqual({
        ok: false,
        reason: 'authentication-failed',
      });
    }
  });

  it('detects a flipped ciphertext bit and a wrong key', () => {
    const sealed = encryptField(key, binding, 'Nur Aisyah');
    const parts = decodeEnvelope(sealed);
    if (!parts) throw new Error('expected a well-formed envelope');
    const flipped = Buffer.from(parts.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(decryptField(key, binding, encodeEnvelope({ ...parts, ciphertext: flipped })).ok).toBe(
      false,
    );
    const otherKey = createSecretKey(randomBytes(32));
    expect(decryptField(otherKey, binding, sealed)).toEqual({
      ok: false,
      reason: 'authentication-failed',
    });
  });

  it('reports a malformed envelope without trying to decrypt it', () => {
    expect(decryptField(key, binding, { $sealed: 'v1.nope' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
