import { ChargeAct } from '../vocabulary/legal.ts';

/**
 * ATIPSOM (Act 670) s.25: a trafficked person is not liable to prosecution for illegal entry,
 * unlawful presence (residence), or procuring or possessing fraudulent travel or identity
 * documents obtained for entering, when these are a direct consequence of being trafficked.
 *
 * Decision (see README): s.25 is modelled as a known list of (Act, section) pairs, each with
 * its category, rather than a category the caller supplies: a charge sheet names sections,
 * and a caller-supplied category could be mislabelled to get round the immunity. A listed
 * section covers its sub-sections (`15(1)` covers `15(1)(c)`). The list is data, to be kept
 * current with AG Chambers; a section not listed is not treated as immune.
 */
export const S25Category = {
  ILLEGAL_ENTRY: 'illegal_entry',
  UNLAWFUL_PRESENCE: 'unlawful_presence',
  FRAUDULENT_TRAVEL_DOCUMENT: 'fraudulent_travel_document',
} as const;
export type S25Category = (typeof S25Category)[keyof typeof S25Category];

export type S25ImmuneSection = {
  readonly act: ChargeAct;
  readonly section: string;
  readonly category: S25Category;
  readonly offence: string;
};

export const s25ImmuneSections: readonly S25ImmuneSection[] = [
  {
    act: ChargeAct.IMMIGRATION_ACT,
    section: '6(1)',
    category: S25Category.ILLEGAL_ENTRY,
    offence: 'entering without a valid entry permit or pass',
  },
  {
    act: ChargeAct.IMMIGRATION_ACT,
    section: '6(3)',
    category: S25Category.ILLEGAL_ENTRY,
    offence: 'penalty for contravening s.6(1)',
  },
  {
    act: ChargeAct.IMMIGRATION_ACT,
    section: '15(1)',
    category: S25Category.UNLAWFUL_PRESENCE,
    offence: 'remaining after the permit or pass expired or was cancelled',
  },
  {
    act: ChargeAct.IMMIGRATION_ACT,
    section: '15(4)',
    category: S25Category.UNLAWFUL_PRESENCE,
    offence: 'penalty for contravening s.15(1)',
  },
  {
    act: ChargeAct.PASSPORTS_ACT,
    section: '12(1)',
    category: S25Category.FRAUDULENT_TRAVEL_DOCUMENT,
    offence: 'false, forged or another person’s passport or travel document',
  },
];

/** The charged sections (of `act`) that ATIPSOM s.25 makes a victim immune from. */
export function s25ImmuneCharges(
  act: ChargeAct,
  sections: readonly string[],
): { readonly section: string; readonly category: S25Category }[] {
  return sections.flatMap((section) => {
    const listed = s25ImmuneSections.find((s) => s.act === act && covers(s.section, section));
    return listed === undefined ? [] : [{ section, category: listed.category }];
  });
}

function covers(listed: string, charged: string): boolean {
  return charged === listed || charged.startsWith(`${listed}(`);
}
