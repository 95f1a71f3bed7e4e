/**
 * Opening the service's dependencies from configuration: the policy file overrides the
 * default policy (and a bad one stops start-up naming what is wrong), the embedded JWT key
 * file is created with mode 0600 and reused.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@casetrail/config';
import { isAllowed } from '@casetrail/domain';
import { tempDir } from '@casetrail/test-harness';
import { describe, expect, it } from 'vitest';
import { jwtSecretFileName, loadOrCreateJwtSecret } from './auth/jwt-secret.ts';
import { openCaseServiceDependencies, PolicyFileError } from './open-case-service-dependencies.ts';

describe('openCaseServiceDependencies', () => {
  it('applies CASETRAIL_POLICY_FILE and creates the JWT key file 0600', async () => {
    const dir = tempDir('casetrail-deps-');
    try {
      const policyFile = join(dir.path, 'policy.json');
      writeFileSync(
        policyFile,
        JSON.stringify({ actions: { 'record-rescue': { allow: ['mapo'] } } }),
      );
      const deps = await openCaseServiceDependencies(
        loadConfig({ CASETRAIL_DATA_DIR: dir.path, CASETRAIL_POLICY_FILE: policyFile }),
      );
      try {
        expect(deps.policy && isAllowed(deps.policy, 'mapo', 'record-rescue')).toBe(true);
        expect(deps.policy && isAllowed(deps.policy, 'pdrm', 'record-rescue')).toBe(false);
        expect(statSync(join(dir.path, jwtSecretFileName)).mode & 0o777).toBe(0o600);
        expect(loadOrCreateJwtSecret(dir.path)).toEqual(loadOrCreateJwtSecret(dir.path));
      } finally {
        deps.idempotency.close();
        await Promise.all([deps.store.close(), deps.personalData.close()]);
      }
    } finally {
      dir.remove();
    }
  });

  it('refuses a policy file that breaks the rules, naming the problem', async () => {
    const dir = tempDir('casetrail-deps-');
    try {
      const policyFile = join(dir.path, 'policy.json');
      writeFileSync(
        policyFile,
        JSON.stringify({ actions: { 'erase-personal-data': { allow: ['pdrm'] } } }),
      );
      await expect(
        openCaseServiceDependencies(
          loadConfig({ CASETRAIL_DATA_DIR: dir.path, CASETRAIL_POLICY_FILE: policyFile }),
        ),
      ).rejects.toThrow(PolicyFileError);
      await expect(
        openCaseServiceDependencies(
          loadConfig({ CASETRAIL_DATA_DIR: dir.path, CASETRAIL_POLICY_FILE: policyFile }),
        ),
      ).rejects.toThrow(/only dpo may erase personal data/);
    } finally {
      dir.remove();
    }
  });
});
