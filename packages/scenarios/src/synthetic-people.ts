/**
 * Synthetic Malaysian-style people for the demo scenarios: names, MyKad and passport numbers,
 * birth dates and phone numbers that look real and validate, drawn from small lists and a
 * seeded generator. They are made up; any likeness to a real person is chance. Even so they
 * are personal fields to the engine and must never be printed by the seeding tools.
 */
import type { SeededRandom } from './seeded-random.ts';

export type SyntheticPerson = {
  readonly fullName: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly myKadNumber: string;
  readonly passportNumber: string;
  /** Family name or patronymic a relative reporting the person would share. */
  readonly familyName: string;
  readonly community: Community;
};

type Community = 'malay' | 'chinese' | 'indian' | 'bornean';

const malay = {
  male: [
    'Muhammad Haziq',
    'Ahmad Faiz',
    'Mohd Firdaus',
    'Amirul Hakim',
    'Syafiq',
    'Hafiz',
    'Khairul Anuar',
    'Irfan',
    'Danial',
    'Azlan',
    'Najmi',
    'Luqman',
  ],
  female: [
    'Nur Syafiqah',
    'Siti Aminah',
    'Farah Hanim',
    'Nur Amira',
    'Aina Sofea',
    'Liyana',
    'Nurul Ain',
    'Hidayah',
  ],
  fathers: [
    'Abdullah',
    'Ismail',
    'Rahman',
    'Hassan',
    'Osman',
    'Yusof',
    'Ibrahim',
    'Razak',
    'Zainal',
    'Kamarudin',
    'Salleh',
    'Hamid',
  ],
};
const chinese = {
  surnames: [
    'Tan',
    'Lim',
    'Lee',
    'Ng',
    'Wong',
    'Chong',
    'Teh',
    'Ooi',
    'Goh',
    'Chan',
    'Yap',
    'Low',
    'Koh',
    'Khoo',
  ],
  male: [
    'Wei Ming',
    'Kah Seng',
    'Zhi Hao',
    'Chee Keong',
    'Jun Jie',
    'Boon Hock',
    'Kok Wai',
    'Jia Le',
    'Yong Sheng',
  ],
  female: ['Jia Hui', 'Mei Ling', 'Siew Lan', 'Xin Yi', 'Li Ting', 'Pei Shan', 'Hui Min'],
};
const indian = {
  male: ['Suresh', 'Ganesh', 'Vinod', 'Prakash', 'Arjun', 'Dinesh', 'Kumaresan', 'Thinesh'],
  female: ['Kavitha', 'Priya', 'Deepa', 'Shalini', 'Revathi', 'Thivya'],
  fathers: ['Ramasamy', 'Subramaniam', 'Muthu', 'Krishnan', 'Raju', 'Govindasamy', 'Perumal'],
};
const bornean = {
  male: ['Jerry', 'Alvin', 'Roland', 'Stanley', 'Justin'],
  female: ['Marcella', 'Joanna', 'Rosalind', 'Cynthia'],
  fathers: ['Unting', 'Gumbang', 'Majalu', 'Ambok', 'Sigar', 'Lajim'],
};

/** MyKad place-of-birth codes of the states (01 Johor ... 16 Putrajaya). */
const STATE_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '14'];
const BORNEO_CODES = ['12', '13'];

export function syntheticPerson(random: SeededRandom, reportedYear: number): SyntheticPerson {
  const community = random.weighted<Community>([
    ['chinese', 5],
    ['malay', 3],
    ['indian', 1.3],
    ['bornean', 0.7],
  ]);
  const sex = random.chance(0.72) ? 'male' : 'female';
  const { fullName, familyName } = nameOf(community, sex, random);
  const age = Math.min(58, 18 + Math.floor(random.exponential(9)));
  const birthYear = reportedYear - age;
  const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const placeCode = random.pick(community === 'bornean' ? BORNEO_CODES : STATE_CODES);
  const serial =
    random.int(0, 999) * 10 +
    (sex === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const myKadNumber = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}-${placeCode}-${String(serial).padStart(4, '0')}`;
  const passportNumber = `${random.pick(['A', 'H', 'K'])}${random.int(10_000_000, 99_999_999)}`;
  return { fullName, sex, birthDate, myKadNumber, passportNumber, familyName, community };
}

function nameOf(community: Community, sex: 'male' | 'female', random: SeededRandom) {
  const link = sex === 'male' ? 'bin' : 'binti';
  switch (community) {
    case 'malay': {
      const father = random.pick(malay.fathers);
      return { fullName: `${random.pick(malay[sex])} ${link} ${father}`, familyName: father };
    }
    case 'chinese': {
      const surname = random.pick(chinese.surnames);
      return { fullName: `${surname} ${random.pick(chinese[sex])}`, familyName: surname };
    }
    case 'indian': {
      const father = random.pick(indian.fathers);
      const indianLink = sex === 'male' ? 'a/l' : 'a/p';
      return {
        fullName: `${random.pick(indian[sex])} ${indianLink} ${father}`,
        familyName: father,
      };
    }
    case 'bornean': {
      const father = random.pick(bornean.fathers);
      return { fullName: `${random.pick(bornean[sex])} anak ${father}`, familyName: father };
    }
  }
}

/** A relative who reports the person: same family name where the naming custom shares one. */
export function relativeOf(person: SyntheticPerson, random: SeededRandom): string {
  const sex = random.chance(0.5) ? 'male' : 'female';
  if (person.community === 'chinese') {
    return `${person.familyName} ${random.pick(chinese[sex])}`;
  }
  return nameOf(person.community, sex, random).fullName;
}

/** A Malaysian mobile number, e.g. `+60 12-345 6789`. */
export function malaysianMobile(random: SeededRandom): string {
  const prefix = random.pick(['11', '12', '13', '14', '16', '17', '18', '19']);
  return `+60 ${prefix}-${random.int(100, 999)} ${random.int(1000, 9999)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
