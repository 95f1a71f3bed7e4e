/**
 * The embedded engine's token-signing secret: CASETRAIL_JWT_SECRET when configured, else a
 * random key kept in `<data dir>/jwt-secret.key` (mode 0600), generated on first start. The
 * secret is never logged or put into an error message.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const jwtSecretFileName = 'jwt-secret.key';

export class JwtSecretError extends Error {
  readonly code = 'JwtSecretError' as const;
  override readonly name = 'JwtSecretError';
}

/** The HMAC key bytes for the embedded engine. */
export function loadOrCreateJwtSecret(dataDir: string, configured?: string): Uint8Array {
  if (configured) return new TextEncoder().encode(configured);
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, jwtSecretFileName);
  try {
    // 'wx' fails when the file exists, so two engines starting at once agree on one secret.
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') {
      throw new JwtSecretError(`cannot create ${path}`, { cause: error });
    }
  }
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new JwtSecretError(
      `${path} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it`,
    );
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) {
    throw new JwtSecretError(`${path} holds a secret shorter than 32 characters`);
  }
  return new TextEncoder().encode(secret);
}
