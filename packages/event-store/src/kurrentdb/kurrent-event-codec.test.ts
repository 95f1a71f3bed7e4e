import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import { ulidToUUID } from 'ulid';
import { describe, expect, it } from 'vitest';
import { sealEvents } from '../append/seal-events.ts';
import { testEvent } from '../conformance/conformance-target.ts';
import { CorruptEventError } from '../errors.ts';
import { parseAppend } from '../input/parse-append.ts';
import { GENESIS_HASH } from '../integrity/hash-chain.ts';
import { decodeEvent, encodeEvent } from './kurrent-event-codec.ts';

/** What the official client yields for a JSON event it read back (its documented shape). */
function asRead(
  data: ReturnType<typeof encodeEvent>,
  revision: bigint,
  position: bigint,
): ResolvedEvent {
  return {
    event: {
      streamId: 'case-1',
      id: data.id,
      isJson: true,
      revision,
      type: data.type,
      created: new Date(),
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: position, prepare: position },
    },
  } as ResolvedEvent;
}

function sealed() {
  const { events, encoded } = parseAppend('case-1', [testEvent()], { expectedRevision: 'any' });
  const tail = { revision: undefined, hash: GENESIS_HASH };
  return sealEvents('case-1', events, encoded, tail, '2025-10-29T04:00:00.000Z')[0]!;
}

describe('KurrentDB event codec', () => {
  it('writes the ULID as a UUID of the same bits and carries port metadata in the envelope', () => {
    const event = sealed();
    const data = encodeEvent(event);
    expect(data.id).toBe(ulidToUUID(event.id).toLowerCase());
    expect(data.contentType).toBe('application/json');
    expect(data.metadata).toMatchObject({
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
      casetrail: { v: 1, id: event.id, hash: event.hash, previousHash: GENESIS_HASH },
    });
  });

  it('decodes what it encoded into the recorded event the port promises', () => {
    const event = sealed();
    expect(decodeEvent(asRead(encodeEvent(event), 0n, 4242n))).toEqual({
      ...event,
      position: 4242,
    });
  });

  it('refuses foreign or damaged events, naming position and stream only', () => {
    const encoded = encodeEvent(sealed());
    const foreign = asRead(encoded, 0n, 10n);
    (foreign.event as { metadata: unknown }).metadata = { someone: 'else' };
    expect(() => decodeEvent(foreign)).toThrow(CorruptEventError);
    const wrongId = asRead({ ...encoded, id: ulidToUUID(testEvent().id) }, 0n, 11n);
    expect(() => decodeEvent(wrongId)).toThrow(/does not match/);
    const tooFar = asRead(encoded, 0n, 2n ** 60n);
    expect(() => decodeEvent(tooFar)).toThrow(/2\^53/);
  });
});
