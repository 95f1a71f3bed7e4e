/**
 * Idempotency-Key over real HTTP: sequential and concurrent retries return the first answer
 * and record nothing; another body with the same key is refused (422); keys are per agency;
 * answers survive a restart; and a request whose answer was lost after its append (a crash
 * between append and storing the answer) is recognised in the stream, not recorded twice.
 */

import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { caseStreamId } from '@casetrail/domain';
import { tempDir } from '@casetrail/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyFileName } from './open-case-service-dependencies.ts';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import { reportBody, reportCase } from './testing/command-samples.ts';

let service: TestCaseService;
beforeAll(async () => {
  service = await startTestCaseService();
});
afterAll(async () => {
  await service?.close();
});

const tracking = { location: { country: 'TH' } };

async function streamLength(caseId: string): Promise<number> {
  let count = 0;
  for await (const _ of service.store.readStream(caseStreamId(caseId))) count += 1;
  return count;
}

describe('Idempotency-Key', () => {
  it('a sequential retry returns the first answer and records nothing', async () => {
    const headers = { 'idempotency-key': 'report-0001' };
    const first = await service.request('pdrm', 'POST', '/v1/cases', { body: reportBody, headers });
    const before = await service.store.headPosition();
    const retry = await service.request('pdrm', 'POST', '/v1/cases', { body: reportBody, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await service.store.headPosition()).toBe(before);
  });

  it('replays business refusals too (the first answer stands)', async () => {
    const caseId = await reportCase(service);
    const headers = { 'idempotency-key': 'outcome-1' };
    const path = `/v1/cases/${caseId}/prosecution-outcome`;
    const first = await service.request('pdrm', 'POST', path, {
      body: { outcome: 'convicted' },
      headers,
    });
    const retry = await service.request('pdrm', 'POST', path, {
      body: { outcome: 'convicted' },
      headers,
    });
    expect(first.status).toBe(409);
    expect(retry.status).toBe(409);
    expect(retry.text).toBe(first.text);
  });

  it('the same key with a different body is refused with 422 and records nothing', async () => {
    const caseId = await reportCase(service);
    const headers = { 'idempotency-key': 'tracking-77' };
    const path = `/v1/cases/${caseId}/tracking`;
    expect((await service.request('pdrm', 'POST', path, { body: tracking, headers })).status).toBe(
      200,
    );
    const before = await service.store.headPosition();
    const other = await service.request('pdrm', 'POST', path, {
      body: { location: { country: 'MM' } },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await service.store.headPosition()).toBe(before);
    // Same body, key order changed: still the same request.
    const reordered = await service.request('pdrm', 'POST', path, {
      rawBody: '{ "location" : { "country": "TH" } }',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(reordered.status).toBe(200);
    expect(await streamLength(caseId)).toBe(2);
  });

  it('keys are per agency', async () => {
    const caseId = await reportCase(service);
    const headers = { 'idempotency-key': 'shared-key' };
    const path = `/v1/cases/${caseId}/tracking`;
    const pdrm = await service.request('pdrm', 'POST', path, { body: tracking, headers });
    const embassy = await service.request('embassy', 'POST', path, { body: tracking, headers });
    expect([pdrm.status, embassy.status]).toEqual([200, 200]);
    expect(await streamLength(caseId)).toBe(3);
  });

  it('concurrent requests with one key make one append and get one answer', async () => {
    const caseId = await reportCase(service);
    const headers = { 'idempotency-key': 'burst-1' };
    const path = `/v1/cases/${caseId}/tracking`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.request('pdrm', 'POST', path, { body: tracking, headers }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(await streamLength(caseId)).toBe(2);
  });

  it('refuses a malformed key', async () => {
    const answer = await service.request('pdrm', 'POST', '/v1/cases', {
      body: reportBody,
      headers: { 'idempotency-key': 'has space' },
    });
    expect(answer.status).toBe(400);
  });
});

describe('Idempotency-Key durability', () => {
  it('answers survive a restart, and a lost answer is recovered from the stream', async () => {
    const dir = tempDir('casetrail-idem-restart-');
    const headers = { 'idempotency-key': 'offer-42' };
    try {
      let running = await startTestCaseService({ dataDir: dir.path });
      const caseId = await reportCase(running);
      const path = `/v1/cases/${caseId}/handovers`;
      const first = await running.request('embassy', 'POST', path, {
        body: { toAgency: 'pdrm' },
        headers,
      });
      expect(first.status).toBe(201);
      await running.close({ keepDir: true });

      running = await startTestCaseService({ dataDir: dir.path });
      const afterRestart = await running.request('embassy', 'POST', path, {
        body: { toAgency: 'pdrm' },
        headers,
      });
      expect(afterRestart.text).toBe(first.text);
      await running.close({ keepDir: true });

      // As if the process died between the append and storing the answer.
      const db = new DatabaseSync(join(dir.path, idempotencyFileName));
      db.prepare(
        "UPDATE idempotency_keys SET state = 'pending', answer = NULL, claimed_at = 0 WHERE key = ?",
      ).run('offer-42');
      db.close();

      running = await startTestCaseService({ dataDir: dir.path });
      const before = await running.store.headPosition();
      const recovered = await running.request('embassy', 'POST', path, {
        body: { toAgency: 'pdrm' },
        headers,
      });
      expect(recovered.status).toBe(201);
      expect(recovered.json).toEqual(first.json);
      expect(await running.store.headPosition()).toBe(before);
      await running.close({ keepDir: true });
    } finally {
      dir.remove();
    }
  });
});
