/**
 * HTTP transport of the case-service client: bearer token, JSON, one idempotency key per
 * logical call (kept across retries, so a retried write is recorded once), and retries with
 * exponential back-off and full jitter on network errors, 5xx and the service's retryable
 * 409s. Refusals come back as typed errors; nothing here knows about commands.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import {
  type CaseServiceError,
  errorForStatus,
  NetworkError,
  type Problem,
  ServerError,
  UnexpectedResponseError,
} from './errors.ts';

export type TransportOptions = {
  /** The case service's base URL, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string | URL;
  /** A bearer token, or a function returning a fresh one for each attempt. */
  readonly token: string | (() => string | Promise<string>);
  /** Retries after the first attempt (default 4). */
  readonly retries?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Per-attempt timeout (default 10 s). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
};

export type CallOptions = {
  /** Defaults to a fresh ULID per call; pass your own to make a retry across processes. */
  readonly idempotencyKey?: string;
  /** The revision the caller saw: the write is refused (StaleRevisionError) if it moved on. */
  readonly ifMatch?: number;
  /** W3C trace context, so the events carry the caller's trace id as correlation id. */
  readonly traceparent?: string;
  /** Why personal data is read (sent as `X-Purpose`, written to the access log). */
  readonly purpose?: string;
  readonly signal?: AbortSignal;
};

export type Answer = {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
};

export type Transport = {
  request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    options?: CallOptions,
  ): Promise<Answer>;
};

const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const retryableConflicts = new Set(['ConcurrencyConflict', 'IdempotencyInProgress']);

export function createTransport(options: TransportOptions): Transport {
  const base = new URL(options.baseUrl);
  const retries = options.retries ?? 4;
  const initialBackoffMs = options.initialBackoffMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 3_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const token = typeof options.token === 'string' ? () => options.token as string : options.token;

  const attempt = async (
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Answer | CaseServiceError> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { ...headers, authorization: `Bearer ${await token()}` },
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return new NetworkError(
        `cannot reach the case service at ${base.origin}`,
        undefined,
        undefined,
        error,
      );
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed = parseJson(text);
    if (response.ok) {
      if (!contentType.includes('json') || parsed === undefined) {
        return new UnexpectedResponseError(
          `HTTP ${response.status} without a JSON body`,
          response.status,
        );
      }
      return { status: response.status, headers: response.headers, body: parsed };
    }
    const problem = ProblemSchema.safeParse(parsed);
    return errorForStatus(response.status, problem.success ? (problem.data as Problem) : undefined);
  };

  return {
    async request(method, path, body, callOptions = {}) {
      const url = new URL(
        path.replace(/^\//, ''),
        base.href.endsWith('/') ? base : `${base.href}/`,
      );
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method === 'POST') headers['idempotency-key'] = callOptions.idempotencyKey ?? ulid();
      if (callOptions.ifMatch !== undefined) headers['if-match'] = `"${callOptions.ifMatch}"`;
      if (callOptions.traceparent) headers.traceparent = callOptions.traceparent;
      if (callOptions.purpose) headers['x-purpose'] = callOptions.purpose;
      const payload = body === undefined ? undefined : JSON.stringify(body);

      for (let tries = 0; ; tries += 1) {
        const result = await attempt(method, url, headers, payload, callOptions.signal);
        if (!(result instanceof Error)) return result;
        if (!isRetryable(result) || tries >= retries) throw result;
        await sleep(backoff(tries, initialBackoffMs, maxBackoffMs), callOptions.signal);
      }
    },
  };
}

function isRetryable(error: CaseServiceError): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ServerError)) return false;
  return error.status !== 409 || retryableConflicts.has(error.problem?.code ?? '');
}

/** Full jitter: a random wait up to the capped exponential bound. */
function backoff(tries: number, initialMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, initialMs * 2 ** tries);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
