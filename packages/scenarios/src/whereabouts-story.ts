/**
 * One person's whereabouts story: the report, tracking updates, the rescue and the return
 * home, timed so that the person is at the stage their fate says at every checkpoint. The
 * report carries the synthetic personal data; nothing else here does, except the odd
 * tracked contact number (a personal field too).
 */
import type { ReportSource } from '@casetrail/domain';
import { type Actor, officer, REPORT_SOURCES, reportingAgency } from './agency-roster.ts';
import { DAY, timeAfter, timeIn, type Window } from './business-time.ts';
import type { Fate } from './plan-fates.ts';
import { type PlannedStep, step } from './planned-step.ts';
import type { SeededRandom } from './seeded-random.ts';
import { malaysianMobile, relativeOf, type SyntheticPerson } from './synthetic-people.ts';

export type WhereaboutsStory = {
  readonly steps: PlannedStep[];
  readonly reporter: Actor;
  readonly reportedAt: number;
  readonly country: string;
  readonly source: ReportSource;
  readonly rescuedAt?: number;
  readonly returnedAt?: number;
};

export type StoryInput = {
  readonly caseRef: string;
  readonly fate: Fate;
  /** windows[k]: the business time between checkpoint k-1 and k, margins excluded. */
  readonly windows: readonly Window[];
  readonly person: SyntheticPerson;
  readonly country: string;
  /** Relative weight of a report at an instant (e.g. more in 2022 and 2023). */
  readonly reportWeight: (at: number) => number;
  readonly random: SeededRandom;
};

const LOCALITIES: Readonly<Record<string, readonly string[]>> = {
  KH: ['Sihanoukville', 'Bavet', 'Phnom Penh', 'Poipet', 'Koh Kong'],
  MM: ['Myawaddy', 'Shwe Kokko', 'Tachileik', 'KK Park'],
  LA: ['Golden Triangle SEZ, Bokeo', 'Vientiane'],
  TH: ['Mae Sot', 'Bangkok'],
  PH: ['Pasay', 'Clark', 'Bamban'],
  VN: ['Ho Chi Minh City', 'Moc Bai'],
  AE: ['Dubai'],
};
/** Where people reported in one country are often traced next (border crossings). */
const ONWARD: Readonly<Record<string, string>> = { TH: 'MM', KH: 'MM', LA: 'MM', VN: 'KH' };

export function whereaboutsStory(input: StoryInput): WhereaboutsStory {
  const { caseRef, fate, windows, country, random } = input;
  const source = random.weighted(REPORT_SOURCES);
  const reporter = officer(reportingAgency(source, random), country, random);
  const first = windows[fate.reportedBy] as Window;
  const needsRoom = fate.stages[fate.reportedBy] !== 'tracked';
  const reportWindow = needsRoom ? { from: first.from, to: first.to - 45 * DAY } : first;
  const reportedAt = reportTime(reportWindow, input.reportWeight, random);
  const steps: PlannedStep[] = [
    step('ReportCase', reportedAt, caseRef, reporter, reportBody(input, source)),
  ];
  let rescuedAt: number | undefined;
  let returnedAt: number | undefined;
  let route: 'via_rescue' | 'deportation' | 'self_return' = 'via_rescue';
  for (let k = fate.reportedBy; k < fate.stages.length; k += 1) {
    const before = k === fate.reportedBy ? 'tracked' : fate.stages[k - 1];
    const after = fate.stages[k];
    const window = windows[k] as Window;
    const start = Math.max(window.from, reportedAt);
    if (before === 'tracked' && after === 'rescued') {
      rescuedAt = timeAfter(start, 60, window, random);
    } else if (before === 'tracked' && after === 'returned') {
      if (random.chance(0.62)) {
        rescuedAt = timeAfter(start, 60, { from: window.from, to: window.to - 2 * DAY }, random);
        returnedAt = timeAfter(rescuedAt, 21, window, random);
      } else {
        route = random.chance(0.6) ? 'deportation' : 'self_return';
        returnedAt = timeAfter(start, 75, window, random);
      }
    } else if (before === 'rescued' && after === 'returned') {
      returnedAt = timeAfter(start, 25, window, random);
    }
  }
  const lastWindow = windows.at(-1) as Window;
  const abroadUntil = rescuedAt ?? returnedAt ?? lastWindow.to;
  const lastCountry = trackingSteps(input, reportedAt, abroadUntil, steps);
  if (rescuedAt !== undefined) {
    const rescuer = random.weighted([
      ['foreign_authority', 6],
      ['pdrm', 2],
      ['embassy', 1],
      ['ngo', 1],
    ] as const);
    const agency = rescuer === 'pdrm' ? 'pdrm' : random.chance(0.75) ? 'embassy' : 'wisma-putra';
    steps.push(
      step('RecordRescue', rescuedAt, caseRef, officer(agency, lastCountry, random), {
        country: lastCountry,
        rescuedBy: rescuer,
        awaitingReturnAt: random.weighted([
          ['immigration_depot', 5],
          ['shelter', 2],
          ['embassy', 2],
          ['police_custody', 1],
        ] as const),
      }),
    );
  }
  if (returnedAt !== undefined) {
    const agency =
      route === 'via_rescue'
        ? random.chance(0.6)
          ? 'embassy'
          : 'immigration'
        : random.chance(0.8)
          ? 'immigration'
          : 'wisma-putra';
    steps.push(
      step('RecordRepatriation', returnedAt, caseRef, officer(agency, lastCountry, random), {
        route,
        fromCountry: lastCountry,
      }),
    );
  }
  return { steps, reporter, reportedAt, country, source, rescuedAt, returnedAt };
}

/** Adds 0 to 3 tracking updates before the person leaves the compound; returns the last country. */
function trackingSteps(
  { caseRef, country, random }: StoryInput,
  reportedAt: number,
  until: number,
  steps: PlannedStep[],
): string {
  const updates = random.weighted([
    [0, 2.5],
    [1, 4],
    [2, 2.5],
    [3, 1],
  ] as const);
  const times = Array.from({ length: updates }, () =>
    timeIn({ from: reportedAt + 3600_000, to: until - 3600_000 }, random),
  ).sort((a, b) => a - b);
  let current = country;
  for (const at of times) {
    if (!(at > reportedAt && at < until)) continue;
    const moved = ONWARD[current] !== undefined && random.chance(0.12);
    current = moved ? (ONWARD[current] as string) : current;
    const agency = random.weighted([
      ['embassy', 6],
      ['wisma-putra', 3],
      ['pdrm', 1],
    ] as const);
    steps.push(
      step('RecordTracking', at, caseRef, officer(agency, current, random), {
        location: { country: current, locality: random.pick(LOCALITIES[current] ?? ['unknown']) },
        tracedVia: random.pick(['family', 'embassy', 'foreign_authority', 'social_media'] as const),
        ...(random.chance(0.2) ? { contact: { phone: malaysianMobile(random) } } : {}),
      }),
    );
  }
  return current;
}

function reportTime(window: Window, weight: (at: number) => number, random: SeededRandom) {
  for (let tries = 0; tries < 200; tries += 1) {
    const at = timeIn(window, random);
    if (random.next() < weight(at)) return at;
  }
  return timeIn(window, random);
}

function reportBody({ person, country, random }: StoryInput, source: ReportSource) {
  const reporterName =
    source === 'self'
      ? person.fullName
      : source === 'family' || source === 'mp_service_centre'
        ? relativeOf(person, random)
        : relativeOf({ ...person, familyName: '' }, random);
  const channel = random.weighted([
    ['social_media', 4],
    ['online_job_advert', 3],
    ['messaging_app', 2],
    ['friend_or_relative', 1.5],
    ['recruitment_agent', 0.5],
  ] as const);
  return {
    person: {
      fullName: person.fullName,
      myKadNumber: person.myKadNumber,
      ...(random.chance(0.7) ? { passportNumber: person.passportNumber } : {}),
      birthDate: person.birthDate,
      sex: person.sex,
    },
    reporter: { name: reporterName, contact: { phone: malaysianMobile(random) } },
    reportSource: source,
    country,
    recruitmentChannel: channel,
    ...(random.chance(0.4) ? { narrative: narrativeOf(country, random) } : {}),
  };
}

function narrativeOf(country: string, random: SeededRandom): string {
  const job = random.pick(['customer service', 'online marketing', 'data entry', 'casino host']);
  const pay = random.pick(['RM5,000', 'RM8,000', 'USD 1,500', 'RM10,000']);
  const place = random.pick(LOCALITIES[country] ?? ['the border']);
  return `Offered a ${job} job paying ${pay} a month; flew out and was taken to a compound near ${place}. Passport taken on arrival; last message to the family asked for a ransom.`;
}
