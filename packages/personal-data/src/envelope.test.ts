import { describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  encodeEnvelope,
  isErasedMarker,
  isMaskedMarker,
  isSealedEnvelope,
  isVaultMarker,
} from './envelope.ts';

const parts = {
  iv: Buffer.alloc(12, 1),
  ciphertext: Buffer.from('secret bytes'),
  tag: Buffer.alloc(16, 2),
};

describe('sealed envelope', () => {
  it('encodes as v1.<iv>.<ciphertext>.<tag> in base64url and decodes back', () => {
    const envelope = encodeEnvelope(parts);
    expect(envelope.$sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeEnvelope(envelope)).toEqual(parts);
  });

  it('refuses near-misses: other version, wrong part sizes, extra parts, bad alphabet', () => {
    const good = encodeEnvelope(parts).$sealed;
    const [, iv, ciphertext, tag] = good.split('.');
    for (const bad of [
      `v2.${iv}.${ciphertext}.${tag}`,
      `v1.${Buffer.alloc(8).toString('base64url')}.${ciphertext}.${tag}`,
      `v1.${iv}.${ciphertext}.${Buffer.alloc(4).toString('base64url')}`,
      `v1.${iv}..${tag}`,
      `${good}.extra`,
      `v1.${iv}.${ciphertext}+/.${tag}`,
      'v1',
    ]) {
      expect(decodeEnvelope({ $sealed: bad }), bad).toBeUndefined();
    }
  });

  it('recognises envelopes and markers only in their exact shape', () => {
    expect(isSealedEnvelope({ $sealed: 'x' })).toBe(true);
    expect(isSealedEnvelope({ $sealed: 'x', other: 1 })).toBe(false);
    expect(isErasedMarker({ $erased: true })).toBe(true);
    expect(isErasedMarker({ $erased: 'yes' })).toBe(false);
    expect(isMaskedMarker({ $masked: true })).toBe(true);
    expect(isVaultMarker('plain text')).toBe(false);
    expect(isVaultMarker(['$sealed'])).toBe(false);
    expect(isVaultMarker({ $masked: true })).toBe(true);
  });
});
