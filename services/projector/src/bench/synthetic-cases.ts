/**
 * Synthetic case histories for the benchmark and the fault tests: plausible lifecycles
 * (report, tracking updates, rescue, return, reclassification, prosecution, hand-overs,
 * closure, duplicates, corrections, re-departure, erasure) from a seeded generator, so a run
 * is repeatable. Personal fields are sealed-looking placeholders carrying the marker `PII`:
 * the projections must ignore them, and tests search for the marker where it must not be.
 */
import type { NewEvent } from '@casetrail/event-store';

export const PII_MARKER = 'PII';

export type SyntheticCase = {
  readonly caseId: string;
  readonly streamId: string;
  readonly events: readonly NewEvent[];
};

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id: a prefix character (0-7) and a counter in Crockford base32. */
export function ulidLike(prefix: number, counter: number): string {
  let text = '';
  let rest = counter;
  for (let index = 0; index < 25; index += 1) {
    text = (CROCKFORD[rest % 32] as string) + text;
    rest = Math.floor(rest / 32);
  }
  return `${prefix % 8}${text}`;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sealed = (random: () => number) => ({
  v: 1,
  keyId: `k-${Math.floor(random() * 1e6)}`,
  ciphertext: `${PII_MARKER}-SEALED-${Math.floor(random() * 1e12).toString(36)}`,
});

const countries = ['KH', 'KH', 'KH', 'MM', 'MM', 'LA', 'TH', 'PH', 'VN'];
const sources = [
  'family',
  'family',
  'friend',
  'police',
  'self',
  'mp_service_centre',
  'embassy',
  'ngo',
];
const reporters = ['wisma-putra', 'embassy', 'pdrm', 'mapo', 'mp-centre'];

export type CaseGenerator = {
  /** The next case's full history. */
  next(): SyntheticCase;
};

export function syntheticCases(
  seed: number,
  options: { maxTrackingUpdates?: number } = {},
): CaseGenerator {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const prefix = seed % 8;
  // Ids from different seeds never collide: each seed has its own range of counters.
  let cases = seed * 100_000_000;
  let events = seed * 100_000_000;
  const maxTracking = options.maxTrackingUpdates ?? 3;

  return {
    next() {
      cases += 1;
      const caseId = ulidLike(prefix, cases);
      const streamId = `case-${caseId}`;
      const list: NewEvent[] = [];
      let time = Date.UTC(
        2020 + Math.floor(random() * 6),
        Math.floor(random() * 12),
        1 + Math.floor(random() * 28),
      );
      const add = (type: string, data: Record<string, unknown>, agency: string) => {
        events += 1;
        time += Math.floor(1 + random() * 40) * 86_400_000;
        list.push({
          id: ulidLike(prefix, events),
          type,
          schemaVersion: type === 'CaseReported' ? 2 : 1,
          data,
          metadata: {
            actor: { agency, sub: `officer-${Math.floor(random() * 50)}` },
            correlationId: `corr-${seed}-${events}`,
            occurredAt: new Date(time).toISOString(),
          },
        });
      };
      const country = pick(countries);
      add(
        'CaseReported',
        {
          person: {
            fullName: sealed(random),
            myKadNumber: sealed(random),
            sex: pick(['male', 'female']),
            ageBand: pick(['18-24', '25-34', '35-44']),
          },
          reporter: { name: sealed(random), contact: sealed(random) },
          reportSource: pick(sources),
          country,
          recruitmentChannel: pick(['social_media', 'online_job_advert', 'messaging_app']),
          narrative: sealed(random),
        },
        pick(reporters),
      );
      if (cases > seed * 100_000_000 + 1 && chance(0.03)) {
        add(
          'DuplicateLinked',
          {
            duplicateOf: ulidLike(
              prefix,
              Math.max(seed * 100_000_000 + 1, cases - 1 - Math.floor(random() * 50)),
            ),
          },
          'pdrm',
        );
        add('CaseClosed', { reason: 'duplicate' }, 'pdrm');
        return { caseId, streamId, events: list };
      }
      if (chance(0.05))
        add(
          'DetailsCorrected',
          {
            changes: { fullName: sealed(random), country: pick(countries) },
            reason: 'data_entry_error',
            explanation: sealed(random),
          },
          'wisma-putra',
        );
      const updates = chance(0.85) ? 1 + Math.floor(random() * maxTracking) : 0;
      for (let update = 0; update < updates; update += 1) {
        add(
          'PersonTracked',
          {
            location: { country },
            contact: sealed(random),
            notes: sealed(random),
            tracedVia: 'embassy',
          },
          pick(['embassy', 'wisma-putra']),
        );
      }
      const outcome = random();
      let home = false;
      if (outcome < 0.55) {
        add(
          'PersonRescued',
          {
            country,
            rescuedBy: pick(['pdrm', 'foreign_authority', 'embassy']),
            awaitingReturnAt: 'immigration_depot',
          },
          pick(['pdrm', 'embassy']),
        );
        if (chance(0.85)) {
          add(
            'PersonRepatriated',
            { route: 'via_rescue', fromCountry: country },
            pick(['immigration', 'embassy']),
          );
          home = true;
        }
      } else if (outcome < 0.75) {
        add(
          'PersonRepatriated',
          { route: pick(['deportation', 'self_return']), fromCountry: country },
          'immigration',
        );
        home = true;
      }
      if (home && chance(0.9)) {
        const role = pick(['operator', 'operator', 'operator', 'sponsor', 'involved']);
        add(
          'PersonReclassified',
          {
            role,
            basis: pick(['investigation', 'admission']),
            decidingAgency: 'pdrm',
            notes: sealed(random),
          },
          'pdrm',
        );
        if (chance(0.05)) {
          add(
            'ReclassificationReversed',
            {
              reasons: ['forced_criminality'],
              previousRole: role,
              decidingAgency: 'mapo',
              explanation: sealed(random),
            },
            'mapo',
          );
        } else if (chance(0.03)) {
          const courtReference = `WA-62R-${cases}-2025`;
          add(
            'PersonProsecuted',
            {
              act: 'atipsom_2007',
              sections: ['13'],
              court: 'Sessions Court Kuala Lumpur',
              courtReference,
            },
            'ag-chambers',
          );
          if (chance(0.6))
            add(
              'ProsecutionConcluded',
              {
                outcome: pick(['convicted', 'convicted', 'acquitted', 'discharged', 'withdrawn']),
                courtReference,
              },
              'ag-chambers',
            );
        }
      } else if (chance(0.2)) {
        add('VictimConfirmed', { basis: 'protection_order', decidingAgency: 'mapo' }, 'mapo');
      }
      if (home && chance(0.05)) {
        add(
          'PersonReDeparted',
          { destinationCountry: pick(countries), notes: sealed(random) },
          'immigration',
        );
        if (chance(0.3))
          add('PersonTracked', { location: { country: pick(countries) } }, 'embassy');
      }
      if (chance(0.04)) {
        const parties = {
          handoverId: ulidLike(prefix, 1_000_000_000 + cases),
          fromAgency: 'pdrm',
          toAgency: pick(['wisma-putra', 'mapo', 'ag-chambers']),
        };
        add(
          'HandoverOffered',
          { ...parties, reason: 'investigation', note: sealed(random) },
          'pdrm',
        );
        const settle = random();
        if (settle < 0.5) add('HandoverAccepted', parties, parties.toAgency);
        else if (settle < 0.7)
          add('HandoverRejected', { ...parties, reason: 'no_capacity' }, parties.toAgency);
        else if (settle < 0.8) add('HandoverRevoked', parties, 'pdrm');
      }
      if (chance(0.01)) add('PersonalDataErased', { basis: 'data_subject_request' }, 'dpo');
      if (chance(0.04)) {
        add(
          'CaseClosed',
          { reason: pick(['unfounded', 'deceased', 'withdrawn']), notes: sealed(random) },
          'wisma-putra',
        );
        if (chance(0.2)) add('CaseReopened', { reason: 'new_information' }, 'wisma-putra');
      }
      return { caseId, streamId, events: list };
    },
  };
}
