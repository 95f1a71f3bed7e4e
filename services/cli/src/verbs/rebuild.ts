/**
 * `pnpm casetrail rebuild [PROJECTION] [--json]`: replays the log from the start into a fresh
 * copy of the read models (all of them, or the one named) and swaps it in atomically, with
 * progress on stderr. A running projector keeps serving the old copy until the swap, then
 * reopens the new one (docs/projections.md). Never prints event data: counts and positions.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@casetrail/config';
import { isProjectionName, projectionNames } from '@casetrail/projections';
import { type RebuildResult, rebuildReadModels } from '@casetrail/projector';
import { progressBar } from '../progress-bar.ts';
import type { Verb } from '../verb.ts';
import { openStoreForReading, UsageError } from './audit-session.ts';

const usage = `rebuild [PROJECTION] [--json]

Rebuilds read models from the log into a fresh copy of read-models.db, then swaps it in
atomically. PROJECTION is one of: ${projectionNames.join(', ')} (default: all).
A running projector keeps serving the old copy until the swap, then reopens the new one.
  --json   the result as JSON on stdout
Exit codes: 0 rebuilt, 1 the rebuild failed (e.g. another rebuild is running),
2 bad usage or configuration.`;

export const rebuildVerb: Verb = {
  name: 'rebuild',
  summary: 'rebuild read models from the log, with progress',
  usage,
  async run(args) {
    let projection: (typeof projectionNames)[number] | undefined;
    let json = false;
    try {
      const { values, positionals } = parseArgs({
        args: [...args],
        strict: true,
        allowPositionals: true,
        options: { json: { type: 'boolean' } },
      });
      json = values.json ?? false;
      if (positionals.length > 1) throw new UsageError('name at most one read model');
      const [name] = positionals;
      if (name !== undefined && !isProjectionName(name)) {
        throw new UsageError(
          `unknown read model '${name}' (one of: ${projectionNames.join(', ')})`,
        );
      }
      projection = name;
    } catch (error) {
      process.stderr.write(`casetrail rebuild: ${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    let config: ReturnType<typeof loadConfig>;
    let store: Awaited<ReturnType<typeof openStoreForReading>>;
    try {
      config = loadConfig();
      store = await openStoreForReading(config);
    } catch (error) {
      process.stderr.write(`casetrail rebuild: ${(error as Error).message}\n`);
      return 2;
    }
    try {
      const head = (await store.headPosition()) ?? 0;
      const bar = progressBar({
        label: `rebuilding ${projection ?? 'all read models'}`,
        total: head,
        unit: 'events',
      });
      const result = await rebuildReadModels({
        store,
        dataDir: config.dataDir,
        ...(projection === undefined ? {} : { projection }),
        onProgress: (progress) => {
          if (progress.phase === 'replay' || progress.phase === 'catch-up') {
            bar.update(progress.position ?? 0, progress.phase);
          } else if (progress.phase === 'done') {
            bar.finish('swapped in');
          } else {
            bar.update(progress.position ?? 0, progress.phase);
          }
        },
      });
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : summary(result));
      return 0;
    } catch (error) {
      process.stderr.write(`\ncasetrail rebuild: ${(error as Error).message}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};

function summary(result: RebuildResult): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  const rate = Math.round(result.events / Math.max(result.elapsedMs / 1000, 0.001));
  return (
    `rebuilt ${result.projection === 'all' ? 'all read models' : result.projection}: ` +
    `${result.events} events folded in ${seconds} s (${rate} events/s), ` +
    `checkpoint ${result.checkpoint ?? 'none'}, ${result.republished} documents queued for NATS\n` +
    `now serving ${result.file}\n`
  );
}
