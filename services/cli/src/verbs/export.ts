/**
 * `pnpm casetrail export CASEID [--out FILE]`: one case's history as a self-contained JSON file
 * that carries every recorded event as stored (with its hashes), the chain, the state after
 * each event and a manifest, for a third party to check offline (`export --check FILE`, the
 * same check as `verify --export FILE`; procedure in docs/audit.md). Reads the store only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCaseExport, exportCase, parseCaseId, renderExportCheck } from '@casetrail/audit';
import { loadConfig } from '@casetrail/config';
import { PolicyAction } from '@casetrail/domain';
import type { Verb } from '../verb.ts';
import {
  openStoreForReading,
  personalDataFor,
  policyOf,
  readerOf,
  runAudit,
  UsageError,
} from './audit-session.ts';

const usage = `export CASEID [--out FILE] [--agency A] [--sub ID] [--purpose TEXT]
export --check FILE [--json]

Writes the case's export (JSON) to FILE, or to stdout. It holds every event exactly as
stored (sealed personal fields stay sealed, so every hash recomputes), the chain of hashes,
the history with the case state after each event, and a manifest with the head hash.
  --agency A     who exports (default auditor: personal fields masked in the history)
  --check FILE   check an export offline from the file alone (as verify --export)
Exit codes: 0 done (or intact), 1 no such case (or the file does not check out), 2 bad usage.`;

export const exportVerb: Verb = {
  name: 'export',
  summary: "a case's history as a file a third party can verify offline",
  usage,
  run: (args) =>
    runAudit('export', async () => {
      const { values, positionals } = parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          out: { type: 'string' },
          check: { type: 'string' },
          json: { type: 'boolean' },
          agency: { type: 'string' },
          sub: { type: 'string' },
          purpose: { type: 'string' },
        },
      });
      if (values.check !== undefined) return checkFile(values.check, values.json ?? false);
      if (positionals.length !== 1) {
        process.stderr.write(`casetrail export: give one CASEID\n\n${usage}\n`);
        return 2;
      }
      const caseId = parseCaseId(positionals[0]);
      const config = loadConfig();
      const reader = readerOf(values, policyOf(config), PolicyAction.REPLAY_HISTORY, 'export');
      const store = await openStoreForReading(config);
      const personalData = personalDataFor(reader, config);
      try {
        const document = await exportCase({ store, personalData }, { caseId, reader });
        const text = `${JSON.stringify(document, null, 2)}\n`;
        if (values.out === undefined) process.stdout.write(text);
        else {
          writeFileSync(values.out, text, { mode: 0o600 });
          process.stderr.write(
            `exported ${document.manifest.eventCount} events of case ${caseId} to ${values.out}; head hash ${document.manifest.head.hash}\n`,
          );
        }
        return 0;
      } finally {
        await store.close();
        await personalData?.close();
      }
    }),
};

function checkFile(path: string, json: boolean): number {
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`--check ${path}: not a readable JSON file`);
  }
  const result = checkCaseExport(file);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderExportCheck(result));
  return result.ok ? 0 : 1;
}
