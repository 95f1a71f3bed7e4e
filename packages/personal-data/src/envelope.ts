/**
 * The JSON shapes that stand in for a personal value once it leaves the vault: a sealed
 * envelope `{ "$sealed": "v1.<iv>.<ciphertext>.<tag>" }` (base64url parts), and the markers
 * `{ "$erased": true }` and `{ "$masked": true }`. Parsing is strict so a near-miss is never
 * mistaken for ciphertext.
 */

export const ENVELOPE_VERSION = 'v1';
export const ERASED: Readonly<{ $erased: true }> = Object.freeze({ $erased: true });
export const MASKED: Readonly<{ $masked: true }> = Object.freeze({ $masked: true });

export type SealedEnvelope = { readonly $sealed: string };
export type ErasedMarker = { readonly $erased: true };
export type MaskedMarker = { readonly $masked: true };

/** The three parts of a v1 envelope, decoded. */
export type EnvelopeParts = {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function hasOnlyKey(value: unknown, key: string): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
}

/** True for any object whose only key is `$sealed` (well-formed or not). */
export function isSealedEnvelope(value: unknown): value is SealedEnvelope {
  return hasOnlyKey(value, '$sealed');
}

export function isErasedMarker(value: unknown): value is ErasedMarker {
  return hasOnlyKey(value, '$erased') && value.$erased === true;
}

export function isMaskedMarker(value: unknown): value is MaskedMarker {
  return hasOnlyKey(value, '$masked') && value.$masked === true;
}

/** Any shape the vault produces in place of a personal value. */
export function isVaultMarker(value: unknown): boolean {
  return isSealedEnvelope(value) || isErasedMarker(value) || isMaskedMarker(value);
}

export function encodeEnvelope(parts: EnvelopeParts): SealedEnvelope {
  const encoded = [parts.iv, parts.ciphertext, parts.tag].map((part) => part.toString('base64url'));
  return { $sealed: [ENVELOPE_VERSION, ...encoded].join('.') };
}

/** The envelope's parts, or undefined when it is not a well-formed v1 envelope. */
export function decodeEnvelope(envelope: SealedEnvelope): EnvelopeParts | undefined {
  if (typeof envelope.$sealed !== 'string') return undefined;
  const [version, iv, ciphertext, tag, ...extra] = envelope.$sealed.split('.');
  if (version !== ENVELOPE_VERSION || extra.length > 0) return undefined;
  if (iv === undefined || ciphertext === undefined || tag === undefined) return undefined;
  if (![iv, ciphertext, tag].every((part) => BASE64URL.test(part))) return undefined;
  const parts = {
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) return undefined;
  if (parts.ciphertext.length === 0) return undefined;
  return parts;
}
