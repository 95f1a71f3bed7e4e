/** Display names and number formats, so the page speaks as the ministry would. */

export const agencyNames = {
  'wisma-putra': 'Wisma Putra',
  embassy: 'Embassy',
  pdrm: 'PDRM',
  mapo: 'MAPO',
  immigration: 'Immigration',
  'ag-chambers': "AG's Chambers",
  'mp-centre': "MP's service centre",
  auditor: 'Auditor',
  dpo: 'Data-protection officer',
};

export const countryNames = {
  KH: 'Cambodia',
  MM: 'Myanmar',
  LA: 'Laos',
  TH: 'Thailand',
  PH: 'Philippines',
  VN: 'Vietnam',
  AE: 'United Arab Emirates',
  MY: 'Malaysia',
};

export const sourceNames = {
  family: 'Family',
  friend: 'Friend',
  police: 'Police',
  self: 'The person',
  mp_service_centre: "MP's service centre",
  embassy: 'Embassy',
  ngo: 'NGO',
  media: 'Media',
  other: 'Other',
};

export const figureNames = {
  affected: 'affected',
  beingTracked: 'being tracked',
  rescuedAwaitingReturn: 'rescued, awaiting return',
  returnedHome: 'returned home',
  closed: 'closed',
  atHome: 'at home',
  reDeparted: 'left again',
  presumedVictim: 'presumed victim',
  confirmedVictim: 'confirmed victim',
  reclassified: 'reclassified',
  notProsecuted: 'not prosecuted',
  prosecuted: 'prosecuted',
  pending: 'pending',
  convicted: 'convicted',
  acquitted: 'acquitted',
  discharged: 'discharged',
  withdrawn: 'withdrawn',
};

const integer = new Intl.NumberFormat('en-MY');

export function count(value) {
  return typeof value === 'number' ? integer.format(value) : '–';
}

export function percent(share) {
  return typeof share === 'number' ? `${Math.round(share * 100)}%` : '–';
}

/** `29 October 2024` for a YYYY-MM-DD day or an ISO instant (Malaysia time). */
export function longDate(value) {
  const date = new Date(value.length === 10 ? `${value}T12:00:00+08:00` : value);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Kuala_Lumpur',
  });
}

/** `2024-10-29 14:05` in Malaysia time. */
export function dateTime(value) {
  if (!value) return '–';
  const parts = new Date(value).toLocaleString('sv-SE', { timeZone: 'Asia/Kuala_Lumpur' });
  return parts.slice(0, 16);
}

/** The last part of a dotted path, as a person would say it. */
export function pathName(path) {
  const last = path.split('.').at(-1) ?? path;
  return figureNames[last] ?? countryNames[last] ?? sourceNames[last] ?? last;
}
