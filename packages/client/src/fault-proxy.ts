/**
 * A fault-injecting HTTP proxy for the client's tests (as toxiproxy would be): it forwards
 * to the real case service, except for the faults scripted for the next requests: answer
 * 503 itself, drop the connection before forwarding, or forward and then drop the answer
 * (the write happened, the caller never hears of it). Loopback only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'unavailable' | 'drop-request' | 'drop-answer';

export type FaultProxy = {
  readonly url: string;
  /** Faults for the next requests, in order; afterwards requests pass. */
  script(...faults: Fault[]): void;
  /** Requests seen, with the Idempotency-Key each carried. */
  readonly seen: { method: string; path: string; idempotencyKey: string | undefined }[];
  close(): Promise<void>;
};

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const queue: Fault[] = [];
  const seen: FaultProxy['seen'] = [];
  const server: Server = createServer(async (request, response) => {
    const fault = queue.shift() ?? 'pass';
    const key = request.headers['idempotency-key'];
    seen.push({
      method: request.method ?? '',
      path: request.url ?? '',
      idempotencyKey: typeof key === 'string' ? key : undefined,
    });
    const body = await bodyOf(request);
    if (fault === 'drop-request') return request.socket.destroy();
    if (fault === 'unavailable') {
      response.writeHead(503, { 'content-type': 'application/problem+json' });
      return response.end(
        JSON.stringify({
          type: 'urn:casetrail:problem:unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: 'injected',
        }),
      );
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      ),
    ) as Record<string, string>;
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const text = await upstream.text();
    if (fault === 'drop-answer') return request.socket.destroy();
    response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script: (...faults) => queue.push(...faults),
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
