/**
 * `pnpm casetrail token --agency A [--sub ID] [--ttl 8h]`: mints a bearer token for the
 * embedded engine, signed with its secret (CASETRAIL_JWT_SECRET or the data directory's key
 * file, created if missing so the engine started later accepts it). Prints only the token.
 * In production (CASETRAIL_JWKS_URL) tokens come from the identity provider: refused.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadOrCreateJwtSecret, mintToken, parseTtl } from '@casetrail/case-service';
import { loadConfig } from '@casetrail/config';
import { agencies, agencySchema } from '@casetrail/domain';
import type { Verb } from '../verb.ts';

const usage = `token --agency A [--sub ID] [--ttl 8h]

Mints a bearer token for the embedded engine (HS256, signed with the key in
CASETRAIL_DATA_DIR or CASETRAIL_JWT_SECRET).
  --agency A   one of: ${agencies.join(', ')}
  --sub ID     the user the token speaks for (default: your login name)
  --ttl SPAN   lifetime: 90s, 15m, 8h, 7d (default 8h)
Exit codes: 0 printed, 2 bad usage or a production (JWKS) configuration.`;

export const tokenVerb: Verb = {
  name: 'token',
  summary: 'mint a token for the embedded engine',
  usage,
  async run(args) {
    let values: { agency?: string; sub?: string; ttl?: string };
    try {
      ({ values } = parseArgs({
        args: [...args],
        strict: true,
        options: { agency: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
      }));
    } catch (error) {
      return refuse(error instanceof Error ? error.message : String(error));
    }
    const agency = agencySchema.safeParse(values.agency);
    if (!agency.success) {
      return refuse(`--agency must be one of: ${agencies.join(', ')}`);
    }
    const ttl = values.ttl ?? '8h';
    if (parseTtl(ttl) === undefined) return refuse('--ttl must look like 90s, 15m, 8h or 7d');
    const sub = values.sub ?? userInfo().username;
    if (!/^[\x21-\x7e]{1,200}$/.test(sub))
      return refuse('--sub must be 1 to 200 printable characters without spaces');
    const config = loadConfig();
    if (config.jwksUrl) {
      return refuse(
        'CASETRAIL_JWKS_URL is set: tokens come from the identity provider, not from this command',
      );
    }
    const secret = loadOrCreateJwtSecret(config.dataDir, config.jwtSecret);
    process.stdout.write(`${await mintToken({ secret, agency: agency.data, sub, ttl })}\n`);
    return 0;
  },
};

function refuse(message: string): number {
  process.stderr.write(`casetrail token: ${message}\n\nusage: pnpm casetrail ${usage}\n`);
  return 2;
}
