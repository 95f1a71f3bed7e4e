/**
 * Gap detection, kept pure so each rule is tested on its own. Stream sequences of
 * CASETRAIL_PROJECTIONS are contiguous unless messages were deleted, purged or aged out;
 * case revisions grow by one per event (0 for the report that opens a case).
 */

export type SequenceVerdict = 'next' | 'duplicate' | 'gap';

export function judgeSequence(last: number, received: number): SequenceVerdict {
  if (received <= last) return 'duplicate';
  return received === last + 1 ? 'next' : 'gap';
}

export type RevisionVerdict = 'next' | 'stale' | 'gap';

/** `known` undefined: the case is new to this subscriber, so its first revision is 0. */
export function judgeRevision(known: number | undefined, received: number): RevisionVerdict {
  const expected = known === undefined ? 0 : known + 1;
  if (received < expected) return 'stale';
  return received === expected ? 'next' : 'gap';
}
