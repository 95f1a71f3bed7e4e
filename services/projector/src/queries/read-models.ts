/**
 * A read-only handle on the current generation of the read-model file, for whoever serves
 * the read models (the HTTP layer, the CLI, tests). Before each query it checks that the
 * generation it has open is still the current one and reopens after a rebuild's swap: until
 * the swap it serves the old copy, from then on the new one. Never writes.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ensureOutboxSchema } from '@casetrail/publication';
import { openReadModelFile, type ReadModelFile } from '../read-model-file/read-model-file.ts';

export type ReadModels = {
  /** The connection to query, on the current generation. */
  connection(): DatabaseSync;
  /** The file currently open (the link resolved). */
  location(): string;
  close(): void;
};

export class ReadModelsClosedError extends Error {
  readonly code = 'ReadModelsClosed' as const;
  override readonly name = 'ReadModelsClosedError';
  constructor() {
    super('the read models were closed');
  }
}

export function openReadModels({ dataDir }: { readonly dataDir: string }): ReadModels {
  let file: ReadModelFile | undefined;
  let closed = false;
  const current = (): ReadModelFile => {
    if (closed) throw new ReadModelsClosedError();
    if (file?.isCurrent()) return file;
    file?.close();
    file = openReadModelFile(dataDir, { prepare: ensureOutboxSchema });
    return file;
  };
  return {
    connection: () => current().db,
    location: () => current().path,
    close: () => {
      closed = true;
      file?.close();
      file = undefined;
    },
  };
}
