import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { PublisherOptionsInvalidError } from './publication-errors.ts';
import { createDenyListFilter } from './publication-filter.ts';
import { type PublisherOptions, parsePublisherOptions } from './publisher-options.ts';

const filter = createDenyListFilter(['fullName']);
const base = { dbPath: '/tmp/x.db', servers: 'nats://127.0.0.1:4222', source: 'urn:x', filter };

function problems(options: unknown): readonly string[] {
  try {
    parsePublisherOptions(options as PublisherOptions);
  } catch (error) {
    if (error instanceof PublisherOptionsInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

describe('parsePublisherOptions', () => {
  it('will not start without a filter', () => {
    const { filter: _filter, ...withoutFilter } = base;
    expect(problems(withoutFilter)).toEqual([
      'filter: filter (the guard every document passes) is required and must be a function',
    ]);
  });

  it('splits NATS_URL-style server lists and applies defaults', () => {
    const parsed = parsePublisherOptions({ ...base, servers: 'nats://a:4222, nats://b:4222' });
    expect(parsed.servers).toEqual(['nats://a:4222', 'nats://b:4222']);
    expect(parsed).toMatchObject({
      pollIntervalMs: 250,
      batchSize: 100,
      name: 'casetrail-publisher',
    });
    expect(parsed.filter).toBe(filter);
  });

  it('names every bad option', () => {
    expect(
      problems({
        ...base,
        servers: 'http://x',
        source: ' ',
        resources: { replicas: 2.5 },
      }),
    ).toEqual([
      'servers.0: must look like nats://host:port',
      'source: must be a non-empty URI reference',
      'resources.replicas: Invalid input: expected int, received number',
    ]);
    expect(problems({ ...base, db: new DatabaseSync(':memory:') })).toEqual([
      'db: give exactly one of db or dbPath',
    ]);
  });
});
