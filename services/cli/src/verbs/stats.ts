/**
 * `pnpm casetrail stats [--as-of T] [--time recorded|occurred] [--json] [--public]`: the
 * national summary as of any moment, straight from the log with the projections' own fold
 * (so it agrees with the read model), with the check that the parts add up. For "now" the
 * projector's read model is used when its file is there and has caught up with the log.
 * `--public` applies the small-cell suppression of the public statistics. Reads only.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type NationalStatisticsDeps,
  nationalStatistics,
  parseAsOf,
  renderStatistics,
} from '@casetrail/audit';
import { loadConfig } from '@casetrail/config';
import type { EventStore } from '@casetrail/event-store';
import { publicStatistics } from '@casetrail/projections';
import {
  openReadModels,
  type ReadModels,
  readCheckpoint,
  readModelPath,
  readNationalSummary,
} from '@casetrail/projector';
import type { Verb } from '../verb.ts';
import { openStoreForReading, runAudit } from './audit-session.ts';

const usage = `stats [--as-of T] [--time recorded|occurred] [--json] [--public]

The national summary: affected (people), being tracked, rescued awaiting return, returned
home, closed; reclassified by role and its share; prosecuted, convicted; by report source,
country and year of report; and the check that the parts add up to the totals.
  --as-of T         an ISO 8601 date-time with a zone, e.g. 2024-10-29T23:59:59+08:00
  --time recorded   what was known at T (by store time; default)
  --time occurred   what had happened by T (by business time)
  --json            the summary as JSON (the document GET /v1/stats/national returns)
Without --as-of the projector's read model answers when it has caught up with the log.
  --public          the public statistics (cells under 11 suppressed), as JSON
Exit codes: 0 done, 1 the parts do not add up, 2 bad usage or input.`;

export const statsVerb: Verb = {
  name: 'stats',
  summary: 'the national summary',
  usage,
  run: (args) =>
    runAudit('stats', async () => {
      const { values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
          'as-of': { type: 'string' },
          time: { type: 'string' },
          json: { type: 'boolean' },
          public: { type: 'boolean' },
        },
      });
      const asOf = parseAsOf({ asOf: values['as-of'], time: values.time });
      const config = loadConfig();
      const store = await openStoreForReading(config);
      const readModels = existsSync(readModelPath(config.dataDir))
        ? openReadModels({ dataDir: config.dataDir })
        : undefined;
      try {
        const readModel = readModels ? caughtUp(readModels, store) : undefined;
        const { source, summary } = await nationalStatistics({ store, readModel }, asOf);
        if (values.public)
          process.stdout.write(`${JSON.stringify(publicStatistics(summary), null, 2)}\n`);
        else if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else process.stdout.write(renderStatistics(summary, source));
        return summary.check.addsUp ? 0 : 1;
      } finally {
        readModels?.close();
        await store.close();
      }
    }),
};

/** The read model's summary, only when it reflects the whole log (else: computed from it). */
function caughtUp(readModels: ReadModels, store: EventStore): NationalStatisticsDeps['readModel'] {
  return async () => {
    try {
      const checkpoint = readCheckpoint(readModels);
      if (checkpoint === undefined || checkpoint !== (await store.headPosition())) return undefined;
      return readNationalSummary(readModels);
    } catch {
      // An unreadable or outdated read-model file is the projector's to rebuild; the log answers.
      return undefined;
    }
  };
}
