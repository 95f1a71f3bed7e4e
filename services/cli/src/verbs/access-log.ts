/**
 * `pnpm casetrail access-log (--case ID | --sub USER | --agency A) [--json]`: who read which
 * case's decrypted personal data, when, through which channel and for what stated purpose,
 * with the access log's own hash chain checked. Reads the access-log file only; the entries
 * never say what was read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listAccessLog, parseAccessLogFilter, renderAccessLog } from '@casetrail/audit';
import { loadConfig } from '@casetrail/config';
import { ACCESS_LOG_FILE, openSqliteAccessLog } from '@casetrail/personal-data';
import type { Verb } from '../verb.ts';
import { runAudit, UsageError } from './audit-session.ts';

const usage = `access-log (--case ID | --sub USER | --agency A) [--json]

Every read of decrypted personal data for one case, one user or one agency: who (agency,
user), when, channel (api, cli, export), purpose; and whether the log's hash chain holds.
Exit codes: 0 done, 1 the access log's chain does not hold, 2 bad usage.`;

export const accessLogVerb: Verb = {
  name: 'access-log',
  summary: 'who read personal data, per case, user or agency',
  usage,
  run: (args) =>
    runAudit('access-log', async () => {
      const { values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
          case: { type: 'string' },
          sub: { type: 'string' },
          agency: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      const filter = parseAccessLogFilter({
        caseId: values.case,
        sub: values.sub,
        agency: values.agency,
      });
      const path = join(loadConfig().dataDir, ACCESS_LOG_FILE);
      if (!existsSync(path))
        throw new UsageError(`no access log at ${path} (set CASETRAIL_DATA_DIR)`);
      const accessLog = openSqliteAccessLog({ path });
      try {
        const listing = await listAccessLog(accessLog, filter);
        if (values.json) process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        else process.stdout.write(renderAccessLog(listing));
        return listing.chain.ok ? 0 : 1;
      } finally {
        await accessLog.close();
      }
    }),
};
