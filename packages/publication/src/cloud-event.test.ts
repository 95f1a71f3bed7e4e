import { describe, expect, it } from 'vitest';
import { cloudEventJson } from './cloud-event.ts';

describe('cloudEventJson', () => {
  it('wraps the document text as `data` of a CloudEvents 1.0 structured event', () => {
    const text = cloudEventJson(
      {
        kind: 'stats',
        key: 'national',
        messageId: 'stats.national.9.abc',
        document: '{"position":9,"affected":906}',
        time: '2025-10-29T00:00:00.000Z',
      },
      'urn:casetrail:projector',
    );
    expect(JSON.parse(text)).toEqual({
      specversion: '1.0',
      id: 'stats.national.9.abc',
      source: 'urn:casetrail:projector',
      type: 'casetrail.national-summary.updated.v1',
      subject: 'national',
      time: '2025-10-29T00:00:00.000Z',
      datacontenttype: 'application/json',
      data: { position: 9, affected: 906 },
    });
  });
});
