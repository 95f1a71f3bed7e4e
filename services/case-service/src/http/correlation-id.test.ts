import { describe, expect, it } from 'vitest';
import { correlationId } from './correlation-id.ts';

describe('correlationId', () => {
  it('takes the trace id of a valid traceparent', () => {
    expect(correlationId('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('makes a new 32-hex id when the header is absent, malformed or all zero', () => {
    for (const header of [
      undefined,
      'garbage',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    ]) {
      const id = correlationId(header);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(id).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    }
    expect(correlationId(undefined)).not.toBe(correlationId(undefined));
  });
});
