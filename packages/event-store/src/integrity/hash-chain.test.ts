import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import {
  canonicalEventEncoding,
  canonicalMetadataJson,
  GENESIS_HASH,
  type HashedEventFields,
  hashEvent,
  hashLogLink,
} from './hash-chain.ts';

const event: HashedEventFields = {
  id: '01JBQ9ZK5X2N3V8T6R4M1C0DEF',
  type: 'PersonRescued',
  schemaVersion: 2,
  data: { country: 'KH', by: ['pdrm', 'embassy'] },
  streamId: 'case-01JBQ9ZK5X2N3V8T6R4M1C0ABC',
  revision: 3,
  metadata: {
    actor: { agency: 'pdrm', sub: 'officer-9' },
    correlationId: 'corr-1',
    occurredAt: '2025-10-29T03:15:00.000Z',
  },
  recordedAt: '2025-10-29T04:00:00.000Z',
  previousHash: GENESIS_HASH,
};

describe('hash chain', () => {
  it('hashes the documented encoding: a tag line, then the nine fields in canonical JSON', () => {
    // Written out by hand, as an offline checker in another language would build it.
    const expected =
      'casetrail/event/v1\n' +
      '{"data":{"by":["pdrm","embassy"],"country":"KH"},"id":"01JBQ9ZK5X2N3V8T6R4M1C0DEF",' +
      '"metadata":{"actor":{"agency":"pdrm","sub":"officer-9"},"correlationId":"corr-1",' +
      '"occurredAt":"2025-10-29T03:15:00.000Z"},"previousHash":"' +
      GENESIS_HASH +
      '","recordedAt":"2025-10-29T04:00:00.000Z","revision":3,"schemaVersion":2,' +
      '"streamId":"case-01JBQ9ZK5X2N3V8T6R4M1C0ABC","type":"PersonRescued"}';
    expect(hashEvent(event)).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('writes the same encoding as canonicalJson of the fields, with or without pre-encoded parts', () => {
    const fields = fc.record({
      id: fc.string(),
      type: fc.string(),
      schemaVersion: fc.nat(),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
      streamId: fc.string(),
      revision: fc.nat(),
      metadata: fc.record({
        actor: fc.record({ agency: fc.string(), sub: fc.string() }),
        correlationId: fc.string(),
        causationId: fc.option(fc.string(), { nil: undefined }),
        occurredAt: fc.string(),
      }),
      recordedAt: fc.string(),
      previousHash: fc.string(),
    });
    fc.assert(
      fc.property(fields, (generated) => {
        const reference = canonicalJson({ ...generated });
        expect(canonicalEventEncoding(generated)).toBe(reference);
        const parts = {
          dataJson: canonicalJson(generated.data),
          metadataJson: canonicalJson(generated.metadata),
        };
        expect(canonicalEventEncoding(generated, parts)).toBe(reference);
      }),
    );
  });

  it('writes metadata out exactly as canonicalJson does', () => {
    const metadata = fc.record({
      actor: fc.record({ agency: fc.string(), sub: fc.string() }),
      correlationId: fc.string(),
      causationId: fc.option(fc.string(), { nil: undefined }),
      occurredAt: fc.string(),
    });
    fc.assert(
      fc.property(metadata, (generated) => {
        expect(canonicalMetadataJson(generated)).toBe(canonicalJson(generated));
      }),
    );
  });

  it('changes when any hashed field changes', () => {
    const base = hashEvent(event);
    const variants: Partial<HashedEventFields>[] = [
      { id: '01JBQ9ZK5X2N3V8T6R4M1C0DEG' },
      { type: 'PersonRepatriated' },
      { schemaVersion: 3 },
      { data: { country: 'MM', by: ['pdrm', 'embassy'] } },
      { streamId: 'case-other' },
      { revision: 4 },
      { metadata: { ...event.metadata, actor: { agency: 'mapo', sub: 'officer-9' } } },
      { metadata: { ...event.metadata, causationId: 'cause' } },
      { recordedAt: '2025-10-29T04:00:00.001Z' },
      { previousHash: 'f'.repeat(64) },
    ];
    for (const variant of variants) expect(hashEvent({ ...event, ...variant })).not.toBe(base);
  });

  it('links the log chain over position, event hash and the previous log hash', () => {
    const link = { position: 7, hash: 'a'.repeat(64), previousLogHash: GENESIS_HASH };
    const expected = `casetrail/log/v1\n${canonicalJson(link)}`;
    expect(hashLogLink(link)).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(hashLogLink({ ...link, position: 8 })).not.toBe(hashLogLink(link));
  });
});
