/**
 * `pnpm casetrail replay CASEID [--as-of T] [--time recorded|occurred] [--json]`: a case's
 * history, every event with who recorded it, both clocks, revision, position and hash, and
 * the case state after it. Reads the store directly. The table shows no event data; `--json`
 * shows it as the reader may see it (masked for auditors; decrypted only for an agency the
 * policy allows, and only after the read is in the access log).
 */
import { parseArgs } from 'node:util';
import { parseAsOf, parseCaseId, readCaseHistory, renderHistory } from '@casetrail/audit';
import { loadConfig } from '@casetrail/config';
import { PolicyAction } from '@casetrail/domain';
import type { Verb } from '../verb.ts';
import {
  openStoreForReading,
  personalDataFor,
  policyOf,
  readerOf,
  runAudit,
} from './audit-session.ts';

const usage = `replay CASEID [--as-of T] [--time recorded|occurred] [--json]
       [--agency A] [--sub ID] [--purpose TEXT]

Every event of the case in order: type, who recorded it (agency, user), business time,
store time, revision, position, hash, and the case state after it.
  --as-of T     an ISO 8601 date-time with a zone, e.g. 2024-10-29T23:59:59+08:00
  --time recorded   what was known at T (events the store had recorded by T; default)
  --time occurred   what had happened by T (events whose business time is at or before T)
  --json        the history as JSON, with each event's data as the reader may see it
  --agency A    who reads (default auditor: personal fields masked); the policy must allow
                A to replay history; an agency allowed to read personal data sees it
                decrypted in --json, and the read is written to the access log
Exit codes: 0 done, 1 no such case, 2 bad usage or input.`;

export const replayVerb: Verb = {
  name: 'replay',
  summary: "a case's history, state after each event",
  usage,
  run: (args) =>
    runAudit('replay', async () => {
      const { values, positionals } = parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          'as-of': { type: 'string' },
          time: { type: 'string' },
          json: { type: 'boolean' },
          agency: { type: 'string' },
          sub: { type: 'string' },
          purpose: { type: 'string' },
        },
      });
      if (positionals.length !== 1) {
        process.stderr.write(`casetrail replay: give one CASEID\n\n${usage}\n`);
        return 2;
      }
      const caseId = parseCaseId(positionals[0]);
      const asOf = parseAsOf({ asOf: values['as-of'], time: values.time });
      const config = loadConfig();
      const reader = readerOf(values, policyOf(config), PolicyAction.REPLAY_HISTORY, 'cli');
      const store = await openStoreForReading(config);
      const personalData = personalDataFor(reader, config);
      try {
        const history = await readCaseHistory({ store, personalData }, { caseId, asOf, reader });
        process.stdout.write(
          values.json ? `${JSON.stringify(history, null, 2)}\n` : renderHistory(history),
        );
        return 0;
      } finally {
        await store.close();
        await personalData?.close();
      }
    }),
};
