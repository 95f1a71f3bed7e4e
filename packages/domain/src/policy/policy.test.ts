import { describe, expect, it } from 'vitest';
import { agencies } from '../vocabulary/agency.ts';
import { defaultPolicy } from './default-policy.ts';
import { isAllowed, parsePolicyDocument, permission, resolvePolicy } from './policy.ts';
import { policyActions } from './policy-action.ts';

/**
 * DOMAIN.md's table, copied cell by cell (columns: Wisma Putra, Embassy, PDRM, MAPO,
 * Immigration, AG Chambers, MP centre, Auditor, then DPO), plus the rows the README decides.
 * Y = allowed, M = masked, . = denied. Written independently of the implementation.
 */
const columns = [
  'wisma-putra',
  'embassy',
  'pdrm',
  'mapo',
  'immigration',
  'ag-chambers',
  'mp-centre',
  'auditor',
  'dpo',
] as const;
const table: Record<string, string> = {
  'report-case': 'YYYY..Y..',
  'record-tracking': 'YYY......',
  'record-rescue': 'YYY......',
  'record-repatriation': 'YY..Y....',
  'reclassify-person': '..YY.....',
  'confirm-victim': '..YY.....',
  'reverse-reclassification': '..YY.....',
  'record-prosecution': '..Y..Y...',
  'record-prosecution-outcome': '..Y..Y...',
  'close-case': 'Y.YY.....',
  'reopen-case': 'Y.YY.....',
  'link-duplicate': 'Y.YY.....',
  'read-personal-data': 'YYYY.Y.M.',
  'replay-history': '.......Y.',
  'verify-integrity': '.......Y.',
  'erase-personal-data': '........Y',
  // Rows DOMAIN.md leaves open (decided in the README):
  'correct-details': 'YYYYY.Y..',
  'record-re-departure': 'YYY.Y....',
  'offer-handover': 'YYYYYYY..',
  'respond-to-handover': 'YYYYYYY..',
  'revoke-handover': 'YYYYYYY..',
  'read-case-summary': 'YYYYYYYYY',
  'read-statistics': 'YYYYYYYYY',
};
const expected = { Y: 'allowed', M: 'masked', '.': 'denied' } as const;

const cells = Object.entries(table).flatMap(([action, row]) =>
  columns.map((agency, i) => [action, agency, expected[row[i] as keyof typeof expected]] as const),
);

describe('the default policy, cell by cell', () => {
  it('covers every action and every agency', () => {
    expect(Object.keys(table).sort()).toEqual([...policyActions].sort());
    expect([...columns].sort()).toEqual([...agencies].sort());
  });

  it.each(cells)('%s by %s: %s', (action, agency, cell) => {
    const policy = resolvePolicy();
    expect(permission(policy, agency, action as never)).toBe(cell);
    expect(isAllowed(policy, agency, action as never)).toBe(cell === 'allowed');
  });

  it('is what resolvePolicy gives without a document', () => {
    expect(resolvePolicy()).toEqual(defaultPolicy);
  });
});

describe('a policy document from configuration', () => {
  it('replaces the rules of the actions it lists and keeps the others', () => {
    const result = parsePolicyDocument({
      actions: { 'record-rescue': { allow: ['pdrm', 'mapo'] } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(isAllowed(result.value, 'mapo', 'record-rescue')).toBe(true);
    expect(isAllowed(result.value, 'embassy', 'record-rescue')).toBe(false);
    expect(isAllowed(result.value, 'embassy', 'record-tracking')).toBe(true);
  });

  it.each([
    ['an unknown action', { actions: { 'delete-case': { allow: ['pdrm'] } } }, 'actions'],
    [
      'an unknown agency',
      { actions: { 'record-rescue': { allow: ['fbi'] } } },
      'actions.record-rescue.allow[0]',
    ],
    [
      'erasure by anyone but the DPO',
      { actions: { 'erase-personal-data': { allow: ['dpo', 'pdrm'] } } },
      'actions.erase-personal-data',
    ],
    [
      'masking outside personal-data reads',
      { actions: { 'close-case': { allow: [], masked: ['auditor'] } } },
      'actions.close-case',
    ],
    [
      'an agency both allowed and masked',
      { actions: { 'read-personal-data': { allow: ['auditor'], masked: ['auditor'] } } },
      'actions.read-personal-data',
    ],
    ['unknown keys', { actions: {}, default: 'allow' }, '(root)'],
  ])('refuses %s, naming where', (_, document, field) => {
    const result = parsePolicyDocument(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
