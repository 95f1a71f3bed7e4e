/**
 * Reads a request body as JSON with a byte limit, before any parsing by schema. Refusals are
 * problems (415 not JSON, 413 too large, 400 unreadable); none of them quotes the body.
 */
import { type Problem, problem } from './problem.ts';

export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** `application/json` or any `application/*+json`, with at most a UTF-8 charset. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [essence = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  const type = essence.toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || value.replaceAll('"', '') === 'utf-8';
  });
}

export async function readJsonBody(request: Request, limitBytes: number): Promise<JsonBody> {
  if (!isJsonMediaType(request.headers.get('content-type') ?? undefined)) {
    return {
      ok: false,
      problem: problem('UnsupportedMediaType', 'send the body as application/json (UTF-8)'),
    };
  }
  const tooLarge = problem('PayloadTooLarge', `the body must be at most ${limitBytes} bytes`);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) return { ok: false, problem: tooLarge };

  const bytes = Number.isInteger(declared)
    ? await request.arrayBuffer()
    : await readLimited(request, limitBytes);
  if (bytes === undefined) return { ok: false, problem: tooLarge };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: unreadable('the body is not valid UTF-8') };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // The parser's message quotes the body: never pass it on.
    return { ok: false, problem: unreadable('the body is not valid JSON') };
  }
}

/**
 * A body without Content-Length (chunked), read up to the limit. With a declared length the
 * HTTP parser already holds the body to it, and `arrayBuffer()` takes the adapter's fast path
 * (no web stream).
 */
async function readLimited(request: Request, limitBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

function unreadable(message: string): Problem {
  return problem('InvalidInput', message, { errors: [{ field: '(body)', message }] });
}
