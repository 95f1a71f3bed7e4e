/**
 * The access log's hash chain: each entry's hash is SHA-256 over the canonical JSON of its
 * contents, its sequence and the previous entry's hash. Changing, removing or inserting an
 * entry breaks the chain at that point; only the anchored head protects the tail.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@casetrail/event-store';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedContent = {
  readonly sequence: number;
  readonly at: string;
  readonly agency: string;
  readonly sub: string;
  readonly caseId: string;
  readonly purpose: string | null;
  readonly channel: string;
  readonly previousHash: string;
};

export function accessEntryHash(content: ChainedContent): string {
  return createHash('sha256')
    .update(canonicalJson({ kind: 'casetrail/access-log/v1', ...content }))
    .digest('hex');
}
