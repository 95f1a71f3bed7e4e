/**
 * Writes docs/events.md from the domain's event schemas; with --check, exits 1 when the
 * committed file is stale (CI: `pnpm docs:check`). `--out PATH` writes or checks another
 * file. Never edits the schemas; never needs the network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderEventCatalogue } from '../packages/domain/src/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const target = values.out ?? join(root, 'docs', 'events.md');
const rendered = renderEventCatalogue();

if (values.check) {
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== rendered) {
    console.error(
      `${target} is ${current === undefined ? 'missing' : 'stale'}: run pnpm docs:events`,
    );
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
