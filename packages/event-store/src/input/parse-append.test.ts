import { describe, expect, it } from 'vitest';
import { secretMarker, testEvent } from '../conformance/conformance-target.ts';
import { InvalidInputError } from '../errors.ts';
import { canonicalJson } from '../integrity/canonical-json.ts';
import { parseAppend } from './parse-append.ts';

function problemsOf(streamId: unknown, events: unknown, options: unknown): readonly string[] {
  try {
    parseAppend(streamId, events, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).not.toContain(secretMarker);
    return (error as InvalidInputError).problems;
  }
  throw new Error('expected the append to be refused');
}

describe('parseAppend', () => {
  it('accepts a valid append and carries canonical data and metadata', () => {
    const event = testEvent({ data: { b: 2, a: 1 } });
    const parsed = parseAppend('case-1', [event], { expectedRevision: 'no_stream' });
    expect(parsed.events[0]).toMatchObject(event);
    expect(parsed.encoded[0]!.dataJson).toBe('{"a":1,"b":2}');
    expect(parsed.encoded[0]!.metadataJson).toBe(canonicalJson(event.metadata));
  });

  it('names every bad field in one refusal, without echoing values', () => {
    const problems = problemsOf(
      'case-1',
      [
        { ...testEvent(), id: secretMarker, schemaVersion: 0, extra: secretMarker },
        {
          ...testEvent(),
          metadata: { ...testEvent().metadata, occurredAt: `2025-13-01 ${secretMarker}` },
        },
      ],
      { expectedRevision: 'sometimes' },
    );
    const text = problems.join('\n');
    for (const field of [
      'events[0].id',
      'events[0].schemaVersion',
      'events[0]',
      'events[1].metadata.occurredAt',
      'expectedRevision',
    ]) {
      expect(text).toContain(field);
    }
  });

  it('refuses occurredAt with an offset: business time is stored in UTC', () => {
    const event = testEvent({
      metadata: { ...testEvent().metadata, occurredAt: '2025-10-29T11:15:00+08:00' },
    });
    expect(problemsOf('case-1', [event], { expectedRevision: 'any' }).join()).toContain(
      'occurredAt',
    );
  });

  it('refuses stream ids that are empty, reserved or not printable', () => {
    for (const streamId of ['', '$all', 'case 1', 'case\u0000', 'x'.repeat(201), 42]) {
      expect(problemsOf(streamId, [testEvent()], { expectedRevision: 'any' }).join()).toContain(
        'streamId',
      );
    }
  });

  it('refuses lower-case ULIDs: ids are compared as strings', () => {
    const event = testEvent();
    expect(
      problemsOf('case-1', [{ ...event, id: event.id.toLowerCase() }], {
        expectedRevision: 'any',
      }).join(),
    ).toContain('events[0].id');
  });

  it('refuses data that JSON cannot carry, naming the path inside data', () => {
    expect(
      problemsOf('case-1', [testEvent({ data: { list: [1, Number.POSITIVE_INFINITY] } })], {
        expectedRevision: 'any',
      }),
    ).toEqual(['events[0].data.list[1]: not a finite number']);
    expect(
      problemsOf('case-1', [testEvent({ data: [1] as unknown as Record<string, unknown> })], {
        expectedRevision: 'any',
      }).join(),
    ).toContain('events[0].data');
  });
});
