import { describe, expect, it } from 'vitest';
import { messageIdFor } from './message-id.ts';

describe('messageIdFor', () => {
  const parts = { kind: 'case', key: 'C1', version: 4, document: '{"revision":4}' } as const;

  it('is the same for the same message, so a re-send is a duplicate', () => {
    expect(messageIdFor(parts)).toBe(messageIdFor({ ...parts }));
    expect(messageIdFor(parts)).toMatch(/^case\.C1\.4\.[0-9a-f]{16}$/);
  });

  it('differs by kind, key, version and content', () => {
    const ids = new Set([
      messageIdFor(parts),
      messageIdFor({ ...parts, kind: 'stats' }),
      messageIdFor({ ...parts, key: 'C2' }),
      messageIdFor({ ...parts, version: 5 }),
      messageIdFor({ ...parts, document: '{"revision":4,"rebuilt":true}' }),
    ]);
    expect(ids.size).toBe(5);
  });
});
