/**
 * The prosecutions: exactly as many people charged by the end of the scenario as the last
 * checkpoint says, all of them reclassified (never a victim: ATIPSOM s.25), charged by the
 * Attorney General's Chambers or PDRM under ATIPSOM, the Penal Code or AMLA; the earliest
 * charged may have been convicted by the end.
 */
import { officer } from './agency-roster.ts';
import { DAY, timeAfter } from './business-time.ts';
import { InconsistentCheckpointsError } from './plan-fates.ts';
import { type PlannedStep, step } from './planned-step.ts';
import type { SeededRandom } from './seeded-random.ts';

export type Suspect = { readonly caseRef: string; readonly reclassifiedAt: number };

const CHARGES = [
  { act: 'atipsom_2007', sections: ['12'] },
  { act: 'penal_code', sections: ['420', '120B'] },
  { act: 'atipsom_2007', sections: ['26A'] },
  { act: 'amla_2001', sections: ['4(1)'] },
] as const;

const COURTS = [
  { court: 'Sessions Court Kuala Lumpur', prefix: 'WA-62' },
  { court: 'Sessions Court Johor Bahru', prefix: 'JA-62' },
  { court: 'Sessions Court Shah Alam', prefix: 'BA-62' },
  { court: 'Sessions Court Georgetown', prefix: 'PA-62' },
] as const;

export function prosecutions(
  suspects: readonly Suspect[],
  count: number,
  end: number,
  random: SeededRandom,
): PlannedStep[] {
  const eligible = suspects.filter((s) => end - s.reclassifiedAt > 60 * DAY);
  if (eligible.length < count) {
    throw new InconsistentCheckpointsError(
      `${count} prosecutions asked for, but only ${eligible.length} people are reclassified early enough`,
    );
  }
  const chosen = random.shuffle(eligible).slice(0, count);
  const charged = chosen
    .map((suspect) => ({
      suspect,
      at: timeAfter(
        suspect.reclassifiedAt + 14 * DAY,
        120,
        { from: suspect.reclassifiedAt + 14 * DAY, to: end },
        random,
      ),
    }))
    .sort((a, b) => a.at - b.at);
  return charged.flatMap(({ suspect, at }, n) => {
    const charge = random.pick(CHARGES);
    const { court, prefix } = random.pick(COURTS);
    const date = new Date(at);
    const courtReference = `${prefix}-${random.int(100, 999)}-${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
    const prosecutor = officer(random.chance(0.6) ? 'ag-chambers' : 'pdrm', 'MY', random);
    const steps = [
      step('RecordProsecution', at, suspect.caseRef, prosecutor, {
        act: charge.act,
        sections: [...charge.sections],
        court,
        courtReference,
      }),
    ];
    if (n < 2 && end - at > 120 * DAY) {
      const concludedAt = timeAfter(at + 60 * DAY, 150, { from: at + 60 * DAY, to: end }, random);
      steps.push(
        step(
          'RecordProsecutionOutcome',
          concludedAt,
          suspect.caseRef,
          officer('ag-chambers', 'MY', random),
          {
            outcome: 'convicted',
          },
        ),
      );
    }
    return steps;
  });
}
