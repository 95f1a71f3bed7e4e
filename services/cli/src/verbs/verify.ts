/**
 * `pnpm casetrail verify [--case ID] [--export FILE]`: the integrity check. Without options it
 * walks the whole log with a progress bar and names the first bad event of each bad stream;
 * `--case` checks one stream; `--export` checks an export file offline, needing nothing but
 * the file. Exit 1 on any tampering. Reads only; repairs nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  checkCaseExport,
  logAnchorSchema,
  parseCaseId,
  renderCaseVerification,
  renderExportCheck,
  renderStoreVerification,
  verifyCase,
  verifyStore,
} from '@casetrail/audit';
import { loadConfig } from '@casetrail/config';
import { progressBar } from '../progress-bar.ts';
import type { Verb } from '../verb.ts';
import { openStoreForReading, runAudit, UsageError } from './audit-session.ts';

const usage = `verify [--case ID] [--anchor FILE] [--write-anchor FILE] [--json]
verify --export FILE [--expect-head HASH] [--json]

Integrity of every stream: recomputes every hash and follows every chain (each case's, and
the log-wide one), with progress, naming the first bad event of each bad stream.
  --case ID            check one case's stream only
  --anchor FILE        also check that the log still holds the head recorded in FILE (an
                       earlier --write-anchor): catches events cut off the end of the log
  --write-anchor FILE  after a clean check, record the log's head in FILE (keep it elsewhere)
  --export FILE        check a case export offline (see docs/audit.md): every hash recomputed
                       from the file alone; nothing else is read
  --expect-head HASH   with --export: the head hash obtained independently (e.g. from
                       GET /v1/cases/{id}/verification); a cut-short export then fails
  --json               the result as JSON
Exit codes: 0 intact, 1 tampering found (or no such case), 2 bad usage or input.`;

export const verifyVerb: Verb = {
  name: 'verify',
  summary: 'integrity of every stream',
  usage,
  run: (args) =>
    runAudit('verify', async () => {
      const { values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
          case: { type: 'string' },
          export: { type: 'string' },
          'expect-head': { type: 'string' },
          anchor: { type: 'string' },
          'write-anchor': { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      const print = (value: unknown, text: string) =>
        process.stdout.write(values.json ? `${JSON.stringify(value, null, 2)}\n` : text);
      if (values.export !== undefined)
        return checkExportFile(values.export, values['expect-head'], print);
      const config = loadConfig();
      const anchor = values.anchor === undefined ? undefined : readAnchor(values.anchor);
      const store = await openStoreForReading(config);
      try {
        if (values.case !== undefined) {
          const result = await verifyCase(store, parseCaseId(values.case));
          print(result, renderCaseVerification(result));
          return result.ok ? 0 : 1;
        }
        const bar = progressBar({
          label: 'verifying the log',
          total: (await store.headPosition()) ?? 0,
          unit: 'positions',
        });
        const result = await verifyStore(store, {
          anchor,
          onProgress: (progress) =>
            bar.update(progress.position, `${progress.problems} problem(s)`),
        });
        bar.finish(`${result.eventsChecked} events checked`);
        print(result, renderStoreVerification(result));
        if (result.ok && values['write-anchor'] !== undefined && result.head?.logHash) {
          const head = { position: result.head.position, logHash: result.head.logHash };
          writeFileSync(values['write-anchor'], `${JSON.stringify(head)}\n`);
          process.stderr.write(`anchor written to ${values['write-anchor']}\n`);
        }
        return result.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }),
};

function readAnchor(path: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`--anchor ${path}: not a readable JSON file`);
  }
  const anchor = logAnchorSchema.safeParse(parsed);
  if (!anchor.success) throw new UsageError(`--anchor ${path}: expected { "position", "logHash" }`);
  return anchor.data;
}

function checkExportFile(
  path: string,
  expectedHead: string | undefined,
  print: (value: unknown, text: string) => void,
): number {
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`--export ${path}: not a readable JSON file`);
  }
  const result = checkCaseExport(file);
  const headProblem =
    expectedHead !== undefined && result.head?.hash !== expectedHead
      ? [
          {
            where: 'manifest.head',
            revision: result.head?.revision ?? null,
            eventId: null,
            problem:
              'is not the head expected (--expect-head): the export is cut short or rewritten',
          },
        ]
      : [];
  const checked = {
    ...result,
    ok: result.ok && headProblem.length === 0,
    problems: [...result.problems, ...headProblem],
  };
  print(checked, renderExportCheck(checked));
  return checked.ok ? 0 : 1;
}
