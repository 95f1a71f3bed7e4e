import { waitFor } from '@casetrail/test-harness';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintToken, parseTtl } from './mint-token.ts';
import { createTokenVerifier } from './token-verifier.ts';

const secret = new TextEncoder().encode('s'.repeat(43));
const verify = createTokenVerifier({ secret });

describe('embedded tokens', () => {
  it('round-trips agency and sub', async () => {
    const token = await mintToken({ secret, agency: 'pdrm', sub: 'officer-1' });
    expect(await verify(`Bearer ${token}`)).toEqual({
      ok: true,
      actor: { agency: 'pdrm', sub: 'officer-1' },
    });
  });

  it('refuses missing, malformed, expired, forged and claim-less tokens', async () => {
    expect(await verify(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await verify('Basic abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(await verify('Bearer not.a.jwt')).toMatchObject({ ok: false, reason: 'malformed' });

    const expired = await mintToken({
      secret,
      agency: 'pdrm',
      sub: 'x',
      ttl: '1m',
      now: new Date(Date.now() - 3_600_000),
    });
    expect(await verify(`Bearer ${expired}`)).toEqual({ ok: false, reason: 'expired' });

    const forged = await mintToken({
      secret: new TextEncoder().encode('f'.repeat(43)),
      agency: 'pdrm',
      sub: 'x',
    });
    expect(await verify(`Bearer ${forged}`)).toEqual({ ok: false, reason: 'invalid' });

    const noAgency = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('casetrail-embedded')
      .setAudience('casetrail')
      .setExpirationTime('1h')
      .sign(secret);
    expect(await verify(`Bearer ${noAgency}`)).toEqual({ ok: false, reason: 'claims' });

    const noExpiry = await new SignJWT({ agency: 'pdrm' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('casetrail-embedded')
      .setAudience('casetrail')
      .sign(secret);
    expect(await verify(`Bearer ${noExpiry}`)).toEqual({ ok: false, reason: 'claims' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from('{"alg":"none"}').toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: 'x', agency: 'pdrm', exp: 4_000_000_000 }),
    ).toString('base64url');
    expect((await verify(`Bearer ${header}.${body}.`)).ok).toBe(false);
  });

  it('parses ttl spans', () => {
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('7d')).toBe(604_800);
    expect(parseTtl('0h')).toBeUndefined();
    expect(parseTtl('soon')).toBeUndefined();
  });
});

describe('verified-token cache', () => {
  it('answers a repeated token the same, and never past its expiry', async () => {
    const token = await mintToken({
      secret,
      agency: 'mapo',
      sub: 'cached',
      ttl: '90s',
      now: new Date(Date.now() - 89_000),
    });
    const first = await verify(`Bearer ${token}`);
    expect(first).toEqual({ ok: true, actor: { agency: 'mapo', sub: 'cached' } });
    expect(await verify(`Bearer ${token}`)).toEqual(first);
    await waitFor(async () => (await verify(`Bearer ${token}`)).ok === false, {
      timeoutMs: 5_000,
      what: 'the token to expire',
    });
    expect(await verify(`Bearer ${token}`)).toEqual({ ok: false, reason: 'expired' });
  });
});
