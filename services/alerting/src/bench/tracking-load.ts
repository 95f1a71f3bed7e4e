/**
 * The benchmark's load, over real HTTP as an agency sends it: cases reported with the usual
 * sample report (its personal fields are sealed by the service and never published), then
 * RecordTracking commands without personal fields, each timed from just before it is sent.
 */
import { reportCase, type TestCaseService } from '@casetrail/case-service';
import { z } from 'zod';

const WriteAnswerSchema = z.object({ caseId: z.string(), revision: z.int().nonnegative() });

export type CommandSample = {
  readonly caseId: string;
  /** performance.now() just before the request left. */
  readonly sentAt: number;
  /** The accepted answer, or undefined when the service refused the command. */
  readonly answer: { readonly revision: number; readonly at: number } | undefined;
};

export async function seedCases(
  service: TestCaseService,
  count: number,
): Promise<{ caseIds: string[]; lastPosition: number }> {
  const caseIds: string[] = [];
  for (let index = 0; index < count; index += 1) caseIds.push(await reportCase(service));
  const head = await service.store.headPosition();
  return { caseIds, lastPosition: head ?? 0 };
}

const trackingBody = JSON.stringify({
  location: { country: 'KH', locality: 'Phnom Penh' },
  tracedVia: 'embassy',
});

export async function sendTracking(
  url: string,
  token: string,
  caseId: string,
): Promise<CommandSample> {
  const sentAt = performance.now();
  const response = await fetch(`${url}/v1/cases/${caseId}/tracking`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: trackingBody,
  });
  const at = performance.now();
  const parsed = WriteAnswerSchema.safeParse(await response.json().catch(() => undefined));
  const accepted = response.status < 300 && parsed.success && parsed.data.caseId === caseId;
  return { caseId, sentAt, answer: accepted ? { revision: parsed.data.revision, at } : undefined };
}
