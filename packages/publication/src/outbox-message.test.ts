import { describe, expect, it } from 'vitest';
import { maxDocumentBytes, prepareMessage } from './outbox-message.ts';
import { OutboxMessageInvalidError } from './publication-errors.ts';

function problems(input: unknown): readonly string[] {
  try {
    prepareMessage(input);
  } catch (error) {
    if (error instanceof OutboxMessageInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the message to be refused');
}

describe('prepareMessage', () => {
  it('keeps a case document as JSON text, ordered by its revision', () => {
    const prepared = prepareMessage({
      kind: 'case',
      caseId: '01JCASE',
      document: { caseId: '01JCASE', revision: 3, position: 17, stage: 'rescued' },
    });
    expect(prepared).toEqual({
      kind: 'case',
      key: '01JCASE',
      version: 3,
      document: '{"caseId":"01JCASE","revision":3,"position":17,"stage":"rescued"}',
      time: undefined,
    });
  });

  it('orders statistics by position; figures of an empty log come first', () => {
    const national = { kind: 'stats', key: 'national', document: { position: 40 } };
    expect(prepareMessage(national).version).toBe(40);
    expect(prepareMessage({ ...national, document: { position: null } }).version).toBe(-1);
  });

  it('names each bad field without quoting values', () => {
    expect(problems({ kind: 'case', caseId: 'a.b', document: { revision: -1 } })).toEqual([
      'caseId: must be 1 to 128 letters, digits, "-" or "_" (it becomes a KV key and a subject token)',
      'document.revision: Too small: expected number to be >=0',
      'document.position: Invalid input: expected number, received undefined',
    ]);
    expect(problems({ kind: 'stats', key: 'secret-key', document: { position: 1 } })[0]).toMatch(
      /^key: /,
    );
    expect(
      problems({ kind: 'case', caseId: 'C', document: { revision: 0, position: 0 }, extra: 1 }),
    ).toEqual(['(message): Unrecognized key: "extra"']);
    expect(problems({ kind: 'mail' })[0]).toMatch(/^kind: /);
  });

  it('refuses a document claiming another case', () => {
    expect(
      problems({
        kind: 'case',
        caseId: 'C1',
        document: { caseId: 'C2', revision: 0, position: 0 },
      }),
    ).toEqual(['document.caseId: must equal the message caseId']);
  });

  it('refuses documents that are not JSON or too large', () => {
    const document = { revision: 0, position: 0, big: 10n };
    expect(problems({ kind: 'case', caseId: 'C', document })).toEqual([
      'document: is not JSON-serialisable (TypeError)',
    ]);
    const large = { revision: 0, position: 0, text: 'x'.repeat(maxDocumentBytes) };
    expect(problems({ kind: 'case', caseId: 'C', document: large })[0]).toMatch(/larger than/);
  });
});
