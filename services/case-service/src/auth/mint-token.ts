/**
 * Mints a bearer token for the embedded engine (HS256 over the data directory's secret),
 * as `pnpm casetrail token` and the tests do. Production tokens come from the agencies'
 * identity provider instead and are checked against CASETRAIL_JWKS_URL.
 */
import { SignJWT } from 'jose';

export const embeddedIssuer = 'casetrail-embedded';
export const embeddedAudience = 'casetrail';

const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `90s`, `15m`, `8h`, `7d` (or a number of seconds) as seconds; undefined when malformed. */
export function parseTtl(ttl: string | number): number | undefined {
  if (typeof ttl === 'number') return Number.isInteger(ttl) && ttl > 0 ? ttl : undefined;
  const match = ttl.trim().match(/^(\d{1,7})\s*([smhd])$/);
  if (!match?.[1] || !match[2]) return undefined;
  const seconds = Number(match[1]) * unitSeconds[match[2] as keyof typeof unitSeconds];
  return seconds > 0 ? seconds : undefined;
}

export type MintTokenOptions = {
  readonly secret: Uint8Array;
  readonly agency: string;
  readonly sub: string;
  /** `8h` by default; see parseTtl. */
  readonly ttl?: string | number;
  /** Issue time; tests pass a past moment to mint an expired token. */
  readonly now?: Date;
};

export function mintToken(options: MintTokenOptions): Promise<string> {
  const ttl = parseTtl(options.ttl ?? '8h');
  if (ttl === undefined) {
    return Promise.reject(new RangeError('ttl must look like 90s, 15m, 8h or 7d'));
  }
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ agency: options.agency })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuer(embeddedIssuer)
    .setAudience(embeddedAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttl)
    .sign(options.secret);
}
