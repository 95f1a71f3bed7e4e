/**
 * Opens the event store a URL names (CASETRAIL_STORE): `sqlite:PATH` (the embedded default),
 * `kurrentdb://…` / `esdb://…` (and their `+discover` forms), `postgres://…` (not implemented
 * yet: refused with UnsupportedStoreError). Must never echo the URL in an error: it may carry
 * credentials.
 */
import { resolve } from 'node:path';
import { UnsupportedStoreError } from './errors.ts';
import type { EventStore } from './port.ts';
import { openSqliteEventStore } from './sqlite/sqlite-event-store.ts';

export type OpenEventStoreOptions = {
  /** Relative `sqlite:` paths are resolved against this directory (default: cwd). */
  readonly baseDir?: string;
  readonly now?: () => Date;
};

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string }
  | { readonly kind: 'postgres' };

export function parseStoreUrl(url: string, baseDir = process.cwd()): StoreLocation {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    // Accept sqlite:./x.db, sqlite:/abs/x.db and sqlite:///abs/x.db.
    const path = rest.startsWith('///') ? rest.slice(2) : rest.replace(/^\/\/(?=\/)/, '');
    if (path === '' || path === ':memory:') {
      throw new UnsupportedStoreError(
        'sqlite: needs a file path (an in-memory store is not durable)',
      );
    }
    return { kind: 'sqlite', path: resolve(baseDir, path) };
  }
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(url)) {
    return { kind: 'kurrentdb', connectionString: url };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new UnsupportedStoreError(
    `unknown event store URL scheme${scheme ? ` "${scheme}"` : ''}: expected sqlite:PATH, kurrentdb://… or esdb://…`,
  );
}

export async function openEventStore(
  url: string,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  const location = parseStoreUrl(url, options.baseDir);
  const clock = options.now ? { now: options.now } : {};
  switch (location.kind) {
    case 'sqlite':
      return openSqliteEventStore({ path: location.path, ...clock });
    case 'kurrentdb': {
      // Loaded on demand: the embedded engine never pays for the gRPC client and its native code.
      const { openKurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.ts');
      return openKurrentDbEventStore({ connectionString: location.connectionString, ...clock });
    }
    case 'postgres':
      throw new UnsupportedStoreError(
        'the PostgreSQL event store is not implemented yet: use sqlite:PATH or kurrentdb://…',
      );
  }
}
