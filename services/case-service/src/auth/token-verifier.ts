/**
 * Verifies bearer tokens: HS256 with the embedded secret, or against a JWKS (production,
 * CASETRAIL_JWKS_URL). Returns the actor or why the token is refused; never throws for a bad
 * token, and never repeats the token's contents in the reason.
 */
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { embeddedAudience, embeddedIssuer } from './mint-token.ts';

export type Actor = { readonly agency: string; readonly sub: string };

export type TokenCheck =
  | { ok: true; actor: Actor }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'invalid' | 'claims' }
  | { ok: false; reason: 'unavailable' };

export type TokenVerifier = (authorization: string | undefined) => Promise<TokenCheck>;

const Claims = z.object({
  sub: z.string().min(1).max(200),
  agency: z.string().min(1).max(64),
});

export type TokenVerifierOptions =
  | { readonly secret: Uint8Array }
  | { readonly jwksUrl: string; readonly issuer?: string; readonly audience?: string };

const asymmetric = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** How long a verified token is remembered (never past its `exp`). */
const cacheMs = 60_000;
const cacheSize = 10_000;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  // Verifying a signature costs about 0.2 ms of CPU; agency systems send the same token for
  // many requests. Only successes are remembered, keyed by the whole token.
  const verified = new Map<string, { actor: Actor; until: number }>();
  const verify =
    'secret' in options
      ? (token: string) =>
          jwtVerify(token, options.secret, {
            algorithms: ['HS256'],
            issuer: embeddedIssuer,
            audience: embeddedAudience,
            requiredClaims: ['exp', 'sub'],
          })
      : jwksVerify(createRemoteJWKSet(new URL(options.jwksUrl)), options);

  return async (authorization) => {
    if (!authorization) return { ok: false, reason: 'missing' };
    const match = authorization.match(
      /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i,
    );
    const token = match?.[1];
    if (!token) return { ok: false, reason: 'malformed' };
    const known = verified.get(token);
    if (known && known.until > Date.now()) return { ok: true, actor: known.actor };
    if (known) verified.delete(token);
    try {
      const { payload } = await verify(token);
      const claims = Claims.safeParse(payload);
      if (!claims.success) return { ok: false, reason: 'claims' };
      const actor = { agency: claims.data.agency, sub: claims.data.sub };
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value ?? '');
      const until = Math.min(Date.now() + cacheMs, (payload.exp ?? 0) * 1000);
      verified.set(token, { actor, until });
      return { ok: true, actor };
    } catch (error) {
      return { ok: false, reason: refusal(error, !('secret' in options)) };
    }
  };
}

function jwksVerify(
  keys: JWTVerifyGetKey,
  options: { readonly issuer?: string; readonly audience?: string },
) {
  return (token: string) =>
    jwtVerify(token, keys, {
      algorithms: asymmetric,
      requiredClaims: ['exp', 'sub'],
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    });
}

function refusal(
  error: unknown,
  remote: boolean,
): 'malformed' | 'expired' | 'invalid' | 'claims' | 'unavailable' {
  const code = (error as { code?: unknown })?.code;
  // The key set could not be fetched or read: we cannot tell whether the token is good.
  const keysUnreachable =
    !(error instanceof errors.JOSEError) ||
    code === 'ERR_JWKS_TIMEOUT' ||
    code === 'ERR_JWKS_INVALID';
  if (remote && keysUnreachable) return 'unavailable';
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return 'claims';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed';
    default:
      return 'invalid';
  }
}
