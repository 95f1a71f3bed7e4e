/**
 * Who does what in the scenarios, within the default policy of DOMAIN.md: which agency takes
 * a report from which source, which one traces, rescues and brings people home, and the
 * officers (token subjects) acting for each. Embassy officers are named after their mission.
 */
import type { OperationalAgency, ReportSource } from '@casetrail/domain';
import type { SeededRandom } from './seeded-random.ts';

export type Actor = { readonly agency: OperationalAgency; readonly sub: string };

/** Destination countries, weighted as the reports of 2020 to 2024 were. */
export const DESTINATIONS: readonly (readonly [string, number])[] = [
  ['KH', 46],
  ['MM', 24],
  ['LA', 11],
  ['TH', 8],
  ['PH', 6],
  ['VN', 3],
  ['AE', 2],
];

const MISSIONS: Readonly<Record<string, string>> = {
  KH: 'mission-phnom-penh',
  MM: 'mission-yangon',
  LA: 'mission-vientiane',
  TH: 'mission-bangkok',
  PH: 'mission-manila',
  VN: 'mission-hanoi',
  AE: 'mission-abu-dhabi',
};

export const REPORT_SOURCES: readonly (readonly [ReportSource, number])[] = [
  ['family', 44],
  ['mp_service_centre', 15],
  ['police', 12],
  ['friend', 10],
  ['self', 8],
  ['embassy', 5],
  ['ngo', 4],
  ['media', 2],
];

/** The agency a report from `source` reaches. */
export function reportingAgency(source: ReportSource, random: SeededRandom): OperationalAgency {
  switch (source) {
    case 'family':
      return random.weighted([
        ['wisma-putra', 4],
        ['pdrm', 3.5],
        ['mp-centre', 2.5],
      ]);
    case 'friend':
      return random.chance(0.6) ? 'pdrm' : 'wisma-putra';
    case 'police':
      return 'pdrm';
    case 'self':
    case 'embassy':
      return 'embassy';
    case 'mp_service_centre':
      return 'mp-centre';
    case 'ngo':
      return 'mapo';
    default:
      return 'wisma-putra';
  }
}

/** An officer of `agency`; embassy officers sit in the mission of `country`. */
export function officer(agency: OperationalAgency, country: string, random: SeededRandom): Actor {
  if (agency === 'embassy') {
    return { agency, sub: `${MISSIONS[country] ?? 'mission-other'}-${random.int(1, 2)}` };
  }
  return { agency, sub: `${agency}-officer-${random.int(1, 3)}` };
}
