import { describe, expect, it } from 'vitest';
import { caseIdFromStreamId, caseIdSchema, caseStreamId } from './identifiers.ts';

describe('case ids and streams', () => {
  const id = '01JBK3C45E0000000000000001';

  it('round-trips a case id through its stream id', () => {
    expect(caseStreamId(id)).toBe(`case-${id}`);
    expect(caseIdFromStreamId(caseStreamId(id))).toBe(id);
  });

  it('recognises only case streams', () => {
    expect(caseIdFromStreamId(id)).toBeUndefined();
    expect(caseIdFromStreamId('case-not-a-ulid')).toBeUndefined();
    expect(caseIdFromStreamId('$all')).toBeUndefined();
  });

  it('takes ULIDs only (capitals, Crockford base32)', () => {
    expect(caseIdSchema.safeParse(id).success).toBe(true);
    expect(caseIdSchema.safeParse(id.toLowerCase()).success).toBe(false);
    expect(caseIdSchema.safeParse('01JBK3C45E000000000000000I').success).toBe(false);
  });
});
