/**
 * The CloudEvent id (and `Nats-Msg-Id`) of an outbox message. Deterministic, so a re-send
 * after a crash carries the same id and JetStream drops it as a duplicate; the content hash
 * keeps a corrected document at the same version (after a projection rebuild) from being
 * swallowed as one.
 */
import { createHash } from 'node:crypto';

export type MessageIdParts = {
  readonly kind: 'case' | 'stats';
  readonly key: string;
  readonly version: number;
  /** The document exactly as it is published (its JSON text). */
  readonly document: string;
};

export function messageIdFor({ kind, key, version, document }: MessageIdParts): string {
  const digest = createHash('sha256').update(document).digest('hex').slice(0, 16);
  return `${kind}.${key}.${version}.${digest}`;
}
