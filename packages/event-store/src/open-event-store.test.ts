import { describe, expect, it } from 'vitest';
import { UnsupportedStoreError } from './errors.ts';
import { openEventStore, parseStoreUrl } from './open-event-store.ts';

describe('parseStoreUrl', () => {
  it('resolves sqlite: paths against the base directory', () => {
    expect(parseStoreUrl('sqlite:./data/events.db', '/srv/casetrail')).toEqual({
      kind: 'sqlite',
      path: '/srv/casetrail/data/events.db',
    });
    expect(parseStoreUrl('sqlite:/var/lib/events.db', '/x')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/events.db',
    });
    expect(parseStoreUrl('sqlite:///var/lib/events.db', '/x')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/events.db',
    });
  });

  it('recognises KurrentDB and EventStoreDB connection strings', () => {
    for (const url of [
      'kurrentdb://localhost:2113?tls=false',
      'esdb://a:2113',
      'esdb+discover://cluster:2113',
      'kdb://h',
    ]) {
      expect(parseStoreUrl(url)).toEqual({ kind: 'kurrentdb', connectionString: url });
    }
  });

  it('refuses in-memory SQLite and unknown schemes, never echoing the URL', () => {
    expect(() => parseStoreUrl('sqlite::memory:')).toThrow(UnsupportedStoreError);
    expect(() => parseStoreUrl('sqlite:')).toThrow(UnsupportedStoreError);
    try {
      parseStoreUrl('mysql://admin:hunter2@db/events');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedStoreError);
      expect((error as Error).message).toContain('"mysql"');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('says clearly that PostgreSQL is not implemented yet', async () => {
    const opening = openEventStore('postgres://user:secret@db:5432/casetrail');
    await expect(opening).rejects.toThrow(UnsupportedStoreError);
    await expect(opening).rejects.toThrow(/not implemented yet/);
    await expect(opening).rejects.not.toThrow(/secret/);
  });
});
