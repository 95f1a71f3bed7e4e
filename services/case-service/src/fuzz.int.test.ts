/**
 * Fuzzing every write endpoint over real HTTP with fast-check: at least 1,000 generated
 * bodies per endpoint (wrong types, missing and extra fields, huge strings, unicode, nulls,
 * deep nesting, broken JSON). No answer may be a 5xx; every refusal is a problem+json; a
 * refused request records nothing, and an accepted one records its events.
 */
import { type CaseCommandType, caseCommandTypes } from '@casetrail/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from './openapi/response-schemas.ts';
import { startTestCaseService, type TestCaseService } from './testing/case-service-fixture.ts';
import { prepareCommand } from './testing/command-samples.ts';

const runsPerEndpoint = 1_000;
const bodyLimitBytes = 64 * 1024;

/** An agency the policy lets send each command, so bodies get past the 403. */
const sender: Record<CaseCommandType, string> = {
  ReportCase: 'pdrm',
  RecordTracking: 'pdrm',
  RecordRescue: 'pdrm',
  RecordRepatriation: 'immigration',
  ReclassifyPerson: 'pdrm',
  ConfirmVictim: 'mapo',
  ReverseReclassification: 'pdrm',
  RecordProsecution: 'ag-chambers',
  RecordProsecutionOutcome: 'pdrm',
  CloseCase: 'wisma-putra',
  ReopenCase: 'pdrm',
  LinkDuplicate: 'mapo',
  CorrectDetails: 'embassy',
  RecordReDeparture: 'immigration',
  ErasePersonalData: 'dpo',
  OfferHandover: 'pdrm',
  AcceptHandover: 'pdrm',
  RejectHandover: 'mapo',
  RevokeHandover: 'embassy',
};

const nasty = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', minLength: 201, maxLength: 12_000 }),
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => nest(depth)),
);

function nest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { deeper: value };
  return value;
}

/** The valid sample with one field dropped, replaced by something nasty, or one added. */
function mutated(sample: Readonly<Record<string, unknown>>) {
  const keys = Object.keys(sample);
  const pick = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('occurredAt');
  return fc.oneof(
    pick.map((key) => {
      const { [key]: _dropped, ...rest } = sample;
      return rest;
    }),
    fc.tuple(pick, nasty).map(([key, value]) => ({ ...sample, [key]: value })),
    fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), nasty)
      .map(([key, value]) => ({ ...sample, [key]: value })),
    fc
      .tuple(fc.constantFrom('occurredAt', 'location', 'person', 'country'), nasty)
      .map(([key, value]) => ({ ...sample, [key]: value })),
  );
}

function rawBodies(sample: Readonly<Record<string, unknown>>) {
  const valid = JSON.stringify(sample);
  return fc.oneof(
    { arbitrary: mutated(sample).map((body) => JSON.stringify(body)), weight: 8 },
    {
      arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
      weight: 3,
    },
    { arbitrary: fc.nat({ max: valid.length - 1 }).map((cut) => valid.slice(0, cut)), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.nat({ max: valid.length }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
        )
        .map(([at, junk]) => valid.slice(0, at) + junk + valid.slice(at)),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
    {
      arbitrary: fc
        .integer({ min: 10, max: 40_000 })
        .map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      weight: 1,
    },
    {
      arbitrary: fc
        .integer({ min: bodyLimitBytes - 200, max: bodyLimitBytes + 20_000 })
        .map((size) => JSON.stringify({ ...sample, occurredAt: 'é'.repeat(size / 2) })),
      weight: 1,
    },
  );
}

let service: TestCaseService;
beforeAll(async () => {
  service = await startTestCaseService({ bodyLimitBytes });
});
afterAll(async () => {
  await service?.close();
});

describe(`fuzzing every write endpoint (${runsPerEndpoint} bodies each)`, () => {
  it.each(caseCommandTypes)('%s', async (type) => {
    const agency = sender[type];
    const prepared = await prepareCommand(service, type, agency);
    const authorization = `Bearer ${await service.token(agency)}`;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(rawBodies(prepared.body), async (body) => {
        const before = (await service.store.headPosition()) ?? -1;
        const response = await fetch(`${service.url}${prepared.path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        const after = (await service.store.headPosition()) ?? -1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, text).toBeLessThan(500);
        if (response.status < 300) {
          expect(after).toBeGreaterThan(before);
          return;
        }
        expect(after, `refused ${response.status} but recorded`).toBe(before);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        const problem = problemSchema.parse(JSON.parse(text));
        expect(problem.status).toBe(response.status);
        if (response.status === 400) expect(problem.errors?.length).toBeGreaterThan(0);
      }),
      { numRuns: runsPerEndpoint },
    );
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      runsPerEndpoint,
    );
    expect(statuses.get(400)).toBeGreaterThan(runsPerEndpoint / 2);
    expect(statuses.get(413)).toBeGreaterThan(0);
  });
});
