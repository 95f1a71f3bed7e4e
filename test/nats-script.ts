/**
 * The scripted commands of the NATS publication test, and every personal value they carry.
 * Five people, reported by different agencies and sources, taken through every kind of event
 * that changes a case summary: tracking with the person's contact, rescue, victim
 * confirmation, repatriation, a correction of personal details, re-departure; reclassification,
 * prosecution, a hand-over and a conviction; a duplicate report; closure and reopening; and an
 * erasure. Free-text fields (notes, narratives, explanations) carry personal values too, as
 * agencies' notes do.
 */
import type { NatsEngine, WriteAnswer } from './nats-fixture.ts';

/** Names are also searched word by word; the other values as a whole (and their digits). */
export const personalNames = [
  'Nurul Izzati binti Kamarudin',
  'Kamarudin bin Osman',
  'Nurul Izzati Kamarudin Shah',
  'Rosli bin Jusoh',
  'Faridah binti Jusoh',
  'Nurul Izati Kamarudin',
  'Muthu Subramaniam',
  'Lakshmi Periasamy',
  'Chong Kah Leong',
  'Chong Siew Ping',
];
export const personalValues = [
  '880215-10-5566',
  'A31415926',
  '1961-07-23',
  '+60 13-222 4455',
  'kamarudin.osman@example.my',
  'Promised clerical work by a Telegram recruiter; cousin Haziq drove her to Poipet.',
  'Seen by Haziq near the Dragon compound gate at night',
  '+855 12 345 678',
  'izzati.n@example.com',
  'Held in block C with twelve others, fed once a day',
  'Depot officer reports fever and a swollen ankle',
  'Arrived at KLIA escorted by her uncle Zulkifli',
  'Spelling of her name per the MyKad; birth year was mistyped by the centre',
  '1962-07-23',
  'Left again via Bukit Kayu Hitam with a man called Ah Seng',
  '790102-07-1234',
  'K27182818',
  '1979-01-02',
  '+60 19-876 5432',
  'Admitted running the script team on the fourth floor',
  'Investigating officer Inspector Saravanan holds the file',
  'Sentenced with Rosli remorseful in the dock',
  'Lakshmi phoned the embassy hotline twice in March',
  'L99887766',
  '+60 16-555 0101',
  'Brother says Muthu called from Bokeo in June',
  'Lakshmi now says he was seen in Ton Pheung',
  '850505-14-7777',
  'chong.kl@example.net',
  'Friend Siew Ping paid the agent RM3000 in cash',
  'Kah Leong texted from a blocked number near Mae Sot',
];

export type CaseKey = 'A' | 'B' | 'C' | 'D' | 'E';

export type ScriptedCases = {
  readonly ids: Record<CaseKey, string>;
  /** The revision and position of each case's last accepted command, by case id. */
  readonly last: Record<string, { revision: number; position: number }>;
  /** The position of the last command that changed the national figures. */
  readonly figuresChangedAt: number;
};

export async function runScript(engine: NatsEngine): Promise<ScriptedCases> {
  const ids: Record<CaseKey, string> = { A: '', B: '', C: '', D: '', E: '' };
  const last: Record<string, { revision: number; position: number }> = {};
  let figuresChangedAt = 0;
  const post = async (agency: string, path: string, body: unknown) => {
    const answer = await engine.post(agency, path, body);
    last[answer.caseId] = { revision: answer.revision, position: answer.position };
    return answer;
  };
  const on = (key: CaseKey, suffix: string) => `/v1/cases/${ids[key]}/${suffix}`;

  ids.A = (
    await post('mp-centre', '/v1/cases', {
      person: {
        fullName: 'Nurul Izzati binti Kamarudin',
        myKadNumber: '880215-10-5566',
        passportNumber: 'A31415926',
        birthDate: '1961-07-23',
        sex: 'female',
        ageBand: '55+',
      },
      reporter: {
        name: 'Kamarudin bin Osman',
        contact: { phone: '+60 13-222 4455', email: 'kamarudin.osman@example.my' },
      },
      reportSource: 'mp_service_centre',
      country: 'KH',
      recruitmentChannel: 'messaging_app',
      narrative:
        'Promised clerical work by a Telegram recruiter; cousin Haziq drove her to Poipet.',
    })
  ).caseId;
  ids.B = (
    await post('wisma-putra', '/v1/cases', {
      person: {
        fullName: 'Rosli bin Jusoh',
        myKadNumber: '790102-07-1234',
        passportNumber: 'K27182818',
        birthDate: '1979-01-02',
        sex: 'male',
      },
      reporter: { name: 'Faridah binti Jusoh', contact: { phone: '+60 19-876 5432' } },
      reportSource: 'family',
      country: 'MM',
    })
  ).caseId;
  ids.C = (
    await post('pdrm', '/v1/cases', {
      person: { fullName: 'Nurul Izati Kamarudin', passportNumber: 'A31415926' },
      reporter: { name: 'Kamarudin bin Osman', contact: { phone: '+60 13-222 4455' } },
      reportSource: 'police',
      country: 'KH',
    })
  ).caseId;
  ids.D = (
    await post('embassy', '/v1/cases', {
      person: { fullName: 'Muthu Subramaniam', passportNumber: 'L99887766' },
      reporter: { name: 'Lakshmi Periasamy', contact: { phone: '+60 16-555 0101' } },
      reportSource: 'embassy',
      country: 'LA',
      narrative: 'Brother says Muthu called from Bokeo in June',
    })
  ).caseId;
  ids.E = (
    await post('mp-centre', '/v1/cases', {
      person: { fullName: 'Chong Kah Leong', myKadNumber: '850505-14-7777' },
      reporter: { name: 'Chong Siew Ping', contact: { email: 'chong.kl@example.net' } },
      reportSource: 'friend',
      country: 'TH',
      narrative: 'Friend Siew Ping paid the agent RM3000 in cash',
    })
  ).caseId;

  // A: traced, rescued, confirmed a victim, brought home, details corrected, left again.
  await post('embassy', on('A', 'tracking'), {
    location: { country: 'KH', locality: 'Poipet' },
    contact: { phone: '+855 12 345 678', email: 'izzati.n@example.com' },
    tracedVia: 'family',
    notes: 'Seen by Haziq near the Dragon compound gate at night',
  });
  await post('pdrm', on('A', 'rescue'), {
    country: 'KH',
    rescuedBy: 'foreign_authority',
    awaitingReturnAt: 'immigration_depot',
    notes: 'Held in block C with twelve others, fed once a day',
  });
  await post('mapo', on('A', 'victim-confirmation'), {
    basis: 'protection_order',
    notes: 'Depot officer reports fever and a swollen ankle',
  });
  await post('immigration', on('A', 'repatriation'), {
    route: 'via_rescue',
    fromCountry: 'KH',
    notes: 'Arrived at KLIA escorted by her uncle Zulkifli',
  });
  await post('wisma-putra', on('A', 'correction'), {
    changes: { fullName: 'Nurul Izzati Kamarudin Shah', birthDate: '1962-07-23' },
    reason: 'data_entry_error',
    explanation: 'Spelling of her name per the MyKad; birth year was mistyped by the centre',
  });
  await post('immigration', on('A', 're-departure'), {
    destinationCountry: 'TH',
    notes: 'Left again via Bukit Kayu Hitam with a man called Ah Seng',
  });
  // B: reclassified as an operator, charged, handed to MAPO, convicted.
  await post('pdrm', on('B', 'reclassification'), {
    role: 'operator',
    basis: 'admission',
    notes: 'Admitted running the script team on the fourth floor',
  });
  await post('pdrm', on('B', 'prosecution'), {
    act: 'penal_code',
    sections: ['420'],
    court: 'Sessions Court Kuala Lumpur',
    courtReference: 'WA-62R-77-03/2025',
  });
  const offer = await engine.service.request('pdrm', 'POST', on('B', 'handovers'), {
    body: {
      toAgency: 'mapo',
      note: 'Investigating officer Inspector Saravanan holds the file',
    },
  });
  if (offer.status !== 201) throw new Error(`hand-over offer: ${offer.status} ${offer.text}`);
  const offered = offer.json as WriteAnswer & { handoverId: string };
  last[offered.caseId] = { revision: offered.revision, position: offered.position };
  await post('mapo', on('B', `handovers/${offered.handoverId}/acceptance`), {});
  await post('ag-chambers', on('B', 'prosecution-outcome'), {
    outcome: 'convicted',
    notes: 'Sentenced with Rosli remorseful in the dock',
  });
  // C: a second report about A's person.
  await post('wisma-putra', on('C', 'duplicate-link'), { duplicateOf: ids.A });
  // D: closed as unfounded, then reopened.
  await post('pdrm', on('D', 'closure'), {
    reason: 'unfounded',
    notes: 'Lakshmi phoned the embassy hotline twice in March',
  });
  const reopened = await post('mapo', on('D', 'reopening'), {
    reason: 'new_information',
    notes: 'Lakshmi now says he was seen in Ton Pheung',
  });
  figuresChangedAt = reopened.position;
  // E: traced, then the person's data erased.
  await post('wisma-putra', on('E', 'tracking'), {
    location: { country: 'TH', locality: 'Mae Sot' },
    contact: { phone: '+60 16-555 0101' },
    notes: 'Kah Leong texted from a blocked number near Mae Sot',
  });
  await post('dpo', on('E', 'erasure'), { basis: 'data_subject_request' });

  // E's tracking update and erasure change no figure: E was already being tracked.
  return { ids, last, figuresChangedAt };
}
