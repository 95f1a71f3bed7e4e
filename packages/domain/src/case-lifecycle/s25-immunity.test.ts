import { describe, expect, it } from 'vitest';
import { s25ImmuneCharges } from './s25-immunity.ts';

describe('s25ImmuneCharges', () => {
  it.each([
    ['immigration_act_1959_63', '6(1)(c)', 'illegal_entry'],
    ['immigration_act_1959_63', '6(1)', 'illegal_entry'],
    ['immigration_act_1959_63', '6(3)', 'illegal_entry'],
    ['immigration_act_1959_63', '15(1)(c)', 'unlawful_presence'],
    ['immigration_act_1959_63', '15(4)', 'unlawful_presence'],
    ['passports_act_1966', '12(1)(f)', 'fraudulent_travel_document'],
  ] as const)('%s s.%s is immune (%s)', (act, section, category) => {
    expect(s25ImmuneCharges(act, [section])).toEqual([{ section, category }]);
  });

  it.each([
    ['immigration_act_1959_63', '55B'],
    ['immigration_act_1959_63', '61'],
    ['immigration_act_1959_63', '15'],
    ['immigration_act_1959_63', '151(1)'],
    ['passports_act_1966', '12(2)'],
    ['atipsom_2007', '12'],
    ['penal_code', '420'],
    ['other', '6(1)(c)'],
  ] as const)('%s s.%s is not covered', (act, section) => {
    expect(s25ImmuneCharges(act, [section])).toEqual([]);
  });

  it('picks the immune sections out of a longer charge', () => {
    expect(s25ImmuneCharges('immigration_act_1959_63', ['55B', '6(1)(c)', '15(1)(b)'])).toEqual([
      { section: '6(1)(c)', category: 'illegal_entry' },
      { section: '15(1)(b)', category: 'unlawful_presence' },
    ]);
  });
});
