/** The shape of one CLI verb. `run` returns the process exit code. */
export type Verb = {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
};

/** A verb whose issue has not landed yet: says so and exits 3 instead of pretending. */
export function unavailableVerb(name: string, summary: string, usage: string, issue: number): Verb {
  return {
    name,
    summary: `${summary} (not available yet: issue #${issue})`,
    usage,
    run: async () => {
      process.stderr.write(
        `casetrail ${name}: not available in this build yet (tracked in issue #${issue})\n`,
      );
      return 3;
    },
  };
}
