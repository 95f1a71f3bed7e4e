/**
 * `pnpm casetrail <verb>`: the operator's command line (CONTRACT.md, CLI). Dispatches to one
 * module per verb. Exit codes: 0 success, 1 the verb found a problem (e.g. tampering),
 * 2 usage or configuration error, 3 the verb is not available in this build.
 * Must never print personal data unless the verb is an audited read.
 */
import { verbs } from './verbs.ts';

const [name, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const verb = verbs.find((candidate) => candidate.name === name);
  if (!verb) {
    process.stderr.write(`casetrail: unknown verb '${name}'\n\n${usage()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${verb.usage}\n`);
    return 0;
  }
  return verb.run(args);
}

function usage(): string {
  const width = Math.max(...verbs.map((verb) => verb.name.length));
  const lines = verbs.map((verb) => `  ${verb.name.padEnd(width)}  ${verb.summary}`);
  return `usage: pnpm casetrail <verb> [options]\n\nverbs:\n${lines.join('\n')}\n\n'pnpm casetrail <verb> --help' for one verb.\n`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`casetrail ${name}: ${message}\n`);
    process.exitCode = (error as { code?: unknown })?.code === 'ConfigError' ? 2 : 1;
  },
);
