/** The seed report as a readable table for the terminal. */
import type { Figures, SeedReport } from './seed-scenario.ts';

export function formatSeedReport(report: SeedReport): string {
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const rate = Math.round(report.actions / Math.max(report.elapsedMs / 1000, 0.001));
  const lines = [
    `seeded ${report.scenario} (seed ${report.seed}): ${report.actions} commands, ${report.cases} cases in ${seconds}s (${rate}/s)`,
    '',
    'checkpoint (business time)                     affected  returned  rescued  tracked  prosecuted',
  ];
  const cell = (value: number | undefined, width: number) =>
    (value === undefined ? '-' : String(value)).padStart(width);
  for (const c of report.checkpoints) {
    const row = (figures: Figures, tag: string) =>
      `${tag.padEnd(45)} ${cell(figures.affected, 9)} ${cell(figures.returnedHome, 9)} ${cell(figures.rescuedAwaitingReturn, 8)} ${cell(figures.beingTracked, 8)} ${cell(figures.prosecuted, 11)}`;
    lines.push(row(c.expected, `${c.label}: expected`));
    lines.push(row(c.actual, `  read back from the API ${c.matches ? '✓' : '✗'}`));
  }
  if (report.eventsBefore !== null) {
    lines.push(
      '',
      `note: the store was not empty before seeding (position ${report.eventsBefore}); what it held counts too.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
