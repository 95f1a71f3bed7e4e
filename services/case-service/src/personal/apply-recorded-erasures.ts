/**
 * Re-applies every erasure recorded in the log to the key store, at start-up. A data key can
 * outlive its erasure in two ways: the process died between appending PersonalDataErased and
 * destroying the key, or `keys.db` was restored from a backup taken before the erasure. The
 * log is the system of record, so its word wins: each erased case's key is destroyed again
 * (destroying is idempotent). A whole-log scan: cheap at this domain's scale (thousands of
 * cases), and it needs no checkpoint that a restored backup could contradict.
 */
import { caseIdFromStreamId } from '@casetrail/domain';
import type { EventStore } from '@casetrail/event-store';
import type { PersonalDataVault } from '@casetrail/personal-data';

export async function applyRecordedErasures(
  store: Pick<EventStore, 'readAll'>,
  vault: Pick<PersonalDataVault, 'erase'>,
): Promise<{ readonly erasedCases: number }> {
  const erased = new Set<string>();
  for await (const event of store.readAll()) {
    if (event.type !== 'PersonalDataErased') continue;
    const caseId = caseIdFromStreamId(event.streamId);
    if (caseId !== undefined) erased.add(caseId);
  }
  for (const caseId of erased) await vault.erase(caseId);
  return { erasedCases: erased.size };
}
