/**
 * An erasure recorded in the log but not carried out on the key store (a crash between the
 * append and the key's destruction, or keys.db restored from an older backup) is carried out
 * when the service's dependencies are opened, before anything is served.
 */
import { loadConfig } from '@casetrail/config';
import { caseStreamId } from '@casetrail/domain';
import { tempDir } from '@casetrail/test-harness';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { openCaseServiceDependencies } from '../open-case-service-dependencies.ts';

const actor = { agency: 'dpo', sub: 'officer-1' };
const meta = () => ({ actor, correlationId: ulid(), occurredAt: new Date().toISOString() });

describe('applyRecordedErasures at start-up', () => {
  it('destroys the key of a case whose erasure is in the log, and no other', async () => {
    const dir = tempDir('casetrail-erasures-');
    const config = loadConfig({ CASETRAIL_DATA_DIR: dir.path });
    const erasedCase = ulid();
    const keptCase = ulid();
    try {
      const first = await openCaseServiceDependencies(config, { logger: undefined });
      const sealed: Record<string, Record<string, unknown>> = {};
      for (const caseId of [erasedCase, keptCase]) {
        sealed[caseId] = await first.personalData.vault.seal(caseId, 'CaseReported', {
          person: { fullName: 'Siti Binti Example' },
        });
      }
      // The erasure is recorded, but the process "dies" before the key is destroyed.
      await first.store.append(
        caseStreamId(erasedCase),
        [{ id: ulid(), type: 'PersonalDataErased', schemaVersion: 1, data: {}, metadata: meta() }],
        { expectedRevision: 'any' },
      );
      // Before the restart the key is still alive: the data still opens.
      expect(
        await first.personalData.vault.open(erasedCase, 'CaseReported', sealed[erasedCase]!),
      ).toEqual({ person: { fullName: 'Siti Binti Example' } });
      first.idempotency.close();
      await Promise.all([first.store.close(), first.personalData.close()]);

      const second = await openCaseServiceDependencies(config, { logger: undefined });
      try {
        const opened = await second.personalData.vault.open(
          erasedCase,
          'CaseReported',
          sealed[erasedCase]!,
        );
        expect(opened).toEqual({ person: { fullName: { $erased: true } } });
        const kept = await second.personalData.vault.open(
          keptCase,
          'CaseReported',
          sealed[keptCase]!,
        );
        expect(kept).toEqual({ person: { fullName: 'Siti Binti Example' } });
      } finally {
        second.idempotency.close();
        await Promise.all([second.store.close(), second.personalData.close()]);
      }
    } finally {
      dir.remove();
    }
  });
});
