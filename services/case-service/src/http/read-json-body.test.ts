import { describe, expect, it } from 'vitest';
import { isJsonMediaType, readJsonBody } from './read-json-body.ts';

function post(body: RequestInit['body'], headers: Record<string, string>): Request {
  return new Request('http://service/v1/cases', { method: 'POST', body, headers });
}

describe('isJsonMediaType', () => {
  it('accepts JSON media types with a UTF-8 charset at most', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=UTF-8')).toBe(true);
    expect(isJsonMediaType('application/merge-patch+json')).toBe(true);
    expect(isJsonMediaType('application/json; charset=latin1')).toBe(false);
    expect(isJsonMediaType('text/plain')).toBe(false);
    expect(isJsonMediaType('application/jsonx')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});

describe('readJsonBody', () => {
  it('parses a JSON body within the limit', async () => {
    const read = await readJsonBody(
      post('{"a":[1,"ü"]}', { 'content-type': 'application/json' }),
      100,
    );
    expect(read).toEqual({ ok: true, value: { a: [1, 'ü'] } });
  });

  it('refuses a body that is not declared JSON with 415', async () => {
    const read = await readJsonBody(post('{}', { 'content-type': 'text/plain' }), 100);
    expect(read.ok || read.problem.status).toBe(415);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(200) });
    const declared = await readJsonBody(post(big, { 'content-type': 'application/json' }), 100);
    expect(declared.ok || declared.problem.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i += 1)
          controller.enqueue(new TextEncoder().encode('x'.repeat(20)));
        controller.close();
      },
    });
    const streamed = await readJsonBody(
      new Request('http://service/', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit),
      100,
    );
    expect(streamed.ok || streamed.problem.status).toBe(413);
  });

  it('refuses broken JSON and bad UTF-8 with 400 without quoting the body', async () => {
    const broken = await readJsonBody(
      post('{"name":"Siti Aminah",', { 'content-type': 'application/json' }),
      100,
    );
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.problem.status).toBe(400);
    expect(broken.problem.errors).toEqual([
      { field: '(body)', message: 'the body is not valid JSON' },
    ]);
    expect(JSON.stringify(broken.problem)).not.toContain('Siti');

    const badUtf8 = await readJsonBody(
      post(new Uint8Array([0x22, 0xff, 0x22]), { 'content-type': 'application/json' }),
      100,
    );
    expect(badUtf8.ok || badUtf8.problem.detail).toBe('the body is not valid UTF-8');
  });

  it('refuses an empty body as invalid JSON', async () => {
    const read = await readJsonBody(post(null, { 'content-type': 'application/json' }), 100);
    expect(read.ok || read.problem.status).toBe(400);
  });
});
