/**
 * The events around the main story that keep the figures honest: duplicate reports (a second
 * report about the same person, linked within days so statistics count people, not reports),
 * cases closed and reopened, and hand-overs to the police for investigation. Each is placed
 * wholly inside one window between checkpoints, so no checkpoint sees it half done.
 */
import type { ReportSource } from '@casetrail/domain';
import { officer, REPORT_SOURCES, reportingAgency } from './agency-roster.ts';
import { DAY, timeIn, type Window } from './business-time.ts';
import { type PlannedStep, step } from './planned-step.ts';
import type { SeededRandom } from './seeded-random.ts';
import { malaysianMobile, relativeOf, type SyntheticPerson } from './synthetic-people.ts';
import type { WhereaboutsStory } from './whereabouts-story.ts';

/** A second report about the same person, from another source, then its duplicate link. */
export function duplicateReport(
  caseRef: string,
  story: WhereaboutsStory,
  person: SyntheticPerson,
  windows: readonly Window[],
  random: SeededRandom,
): PlannedStep[] {
  const window = windows.find((w) => story.reportedAt >= w.from && story.reportedAt < w.to);
  const reportedAt = story.reportedAt + random.int(1, 20) * DAY;
  const linkedAt = reportedAt + random.int(1, 10) * DAY;
  if (window === undefined || linkedAt >= window.to) return [];
  const others = REPORT_SOURCES.filter(([source]) => source !== story.source);
  const source: ReportSource = random.weighted(others);
  const duplicateRef = `${caseRef}-D`;
  const reporter = officer(reportingAgency(source, random), story.country, random);
  return [
    step('ReportCase', reportedAt, duplicateRef, reporter, {
      person: { fullName: person.fullName, birthDate: person.birthDate, sex: person.sex },
      reporter: {
        name: relativeOf(person, random),
        contact: { phone: malaysianMobile(random) },
      },
      reportSource: source,
      country: story.country,
    }),
    step(
      'LinkDuplicate',
      linkedAt,
      duplicateRef,
      officer(random.pick(['wisma-putra', 'pdrm', 'mapo'] as const), story.country, random),
      {},
      { duplicateOf: caseRef },
    ),
  ];
}

/**
 * A pair of steps in a quiet spell of the case: no other step between them, no checkpoint
 * inside, and not while an earlier pair is still open (a closed case accepts only reopening;
 * an open offer blocks closure), starting and ending within `range`. Returns no steps when
 * the case has no such spell.
 */
export function pairInQuietSpell(
  steps: readonly PlannedStep[],
  windows: readonly Window[],
  minDays: number,
  range: Window,
  make: (from: number, to: number) => readonly [PlannedStep, PlannedStep],
  random: SeededRandom,
): PlannedStep[] {
  const sorted = [...steps].sort((a, b) => a.at - b.at);
  const last = windows.at(-1) as Window;
  const spells = sorted.flatMap((current, i) => {
    const next = sorted[i + 1]?.at ?? last.to;
    if (current.at < range.from || opens(current)) return [];
    const window = windows.find((w) => current.at >= w.from && current.at < w.to);
    const to = Math.min(next, window?.to ?? 0, range.to);
    return to - current.at > minDays * DAY ? [{ from: current.at, to }] : [];
  });
  if (spells.length === 0) return [];
  const spell = random.pick(spells);
  const span = spell.to - spell.from;
  const first = timeIn({ from: spell.from + span * 0.1, to: spell.from + span * 0.4 }, random);
  const second = timeIn({ from: spell.from + span * 0.6, to: spell.from + span * 0.9 }, random);
  return [...make(first, second)];
}

function opens(candidate: PlannedStep): boolean {
  return candidate.command === 'CloseCase' || candidate.command === 'OfferHandover';
}

export function closedAndReopened(caseRef: string, country: string, random: SeededRandom) {
  return (from: number, to: number) => {
    const actor = officer(random.pick(['wisma-putra', 'pdrm', 'mapo'] as const), country, random);
    return [
      step('CloseCase', from, caseRef, actor, {
        reason: random.chance(0.7) ? 'withdrawn' : 'unfounded',
      }),
      step('ReopenCase', to, caseRef, actor, { reason: 'new_information' }),
    ] as const;
  };
}

export function handedToPolice(caseRef: string, story: WhereaboutsStory, random: SeededRandom) {
  return (from: number, to: number) => {
    const offer = step('OfferHandover', from, caseRef, story.reporter, {
      toAgency: 'pdrm',
      reason: 'investigation',
    });
    const pdrm = officer('pdrm', story.country, random);
    return [offer, step('AcceptHandover', to, caseRef, pdrm, {}, { answers: offer })] as const;
  };
}
