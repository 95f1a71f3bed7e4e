/**
 * Who the person turns out to be: after the return home, investigations reclassify most people
 * as operators, sponsors or otherwise involved (about 90% in the Parliament answers); people
 * still abroad can be reclassified on a foreign authority's information. A few
 * reclassifications are reversed (forced criminality); some victims are confirmed by a
 * protection order. Also the odd re-departure after return.
 */
import { officer } from './agency-roster.ts';
import { DAY, timeAfter, type Window } from './business-time.ts';
import { type PlannedStep, step } from './planned-step.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { WhereaboutsStory } from './whereabouts-story.ts';

export type ClassificationOutcome = {
  readonly steps: PlannedStep[];
  /** Set when the person is reclassified at the end of the scenario (not reversed). */
  readonly reclassifiedAt?: number;
};

export type ClassificationRates = {
  /** Share of people brought home who are reclassified. */
  readonly returned: number;
  /** Share of people still abroad reclassified on foreign information. */
  readonly abroad: number;
};

export function classificationStory(
  caseRef: string,
  story: WhereaboutsStory,
  end: number,
  rates: ClassificationRates,
  random: SeededRandom,
): ClassificationOutcome {
  const steps: PlannedStep[] = [];
  const country = story.country;
  const investigator = () => officer(random.chance(0.8) ? 'pdrm' : 'mapo', country, random);
  const home = story.returnedAt;
  const within = (from: number): Window => ({ from, to: end });
  let reclassifiedAt: number | undefined;
  const reclassify =
    home !== undefined ? random.chance(rates.returned) : random.chance(rates.abroad);
  const after = home ?? story.reportedAt;
  if (reclassify && end - after > 2 * DAY) {
    const at = timeAfter(after, home !== undefined ? 40 : 150, within(after), random);
    const basis =
      home === undefined
        ? ('foreign_authority_information' as const)
        : random.weighted([
            ['investigation', 6],
            ['admission', 3],
            ['foreign_authority_information', 1],
          ] as const);
    steps.push(
      step('ReclassifyPerson', at, caseRef, investigator(), {
        role: random.weighted([
          ['operator', 6],
          ['involved', 3],
          ['sponsor', 1],
        ] as const),
        basis,
      }),
    );
    reclassifiedAt = at;
    if (random.chance(0.015) && end - at > 2 * DAY) {
      const reversedAt = timeAfter(at, 90, within(at), random);
      steps.push(
        step('ReverseReclassification', reversedAt, caseRef, officer('mapo', country, random), {
          reasons: random.chance(0.5)
            ? ['forced_criminality']
            : ['forced_criminality', 'new_evidence'],
        }),
      );
      reclassifiedAt = undefined;
      if (random.chance(0.6) && end - reversedAt > 2 * DAY) {
        steps.push(confirmation(caseRef, reversedAt, end, country, random));
      }
    }
  } else if (home !== undefined && random.chance(0.5) && end - home > 2 * DAY) {
    steps.push(confirmation(caseRef, home, end, country, random));
  }
  if (home !== undefined && random.chance(0.02) && end - home > 30 * DAY) {
    const leftAt = timeAfter(home + 20 * DAY, 180, within(home + 20 * DAY), random);
    steps.push(
      step('RecordReDeparture', leftAt, caseRef, officer('immigration', country, random), {
        ...(random.chance(0.7) ? { destinationCountry: country } : {}),
      }),
    );
  }
  return { steps, ...(reclassifiedAt === undefined ? {} : { reclassifiedAt }) };
}

function confirmation(
  caseRef: string,
  after: number,
  end: number,
  country: string,
  random: SeededRandom,
): PlannedStep {
  const at = timeAfter(after, 30, { from: after, to: end }, random);
  return step(
    'ConfirmVictim',
    at,
    caseRef,
    officer(random.chance(0.7) ? 'pdrm' : 'mapo', country, random),
    {
      basis: random.weighted([
        ['interim_protection_order', 4],
        ['protection_order', 3],
        ['victim_assessment', 2],
      ] as const),
    },
  );
}
