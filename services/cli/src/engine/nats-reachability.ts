/**
 * Whether NATS answers at the configured servers: a TCP connection to each (a NATS server
 * greets with INFO at once), with a short timeout. Used only to tell the operator clearly;
 * the publisher connects on its own and keeps what it owes in the outbox until NATS is back.
 */
import { connect } from 'node:net';

export type NatsReachability = { readonly reachable: boolean; readonly server: string };

export async function natsReachability(
  servers: readonly string[],
  timeoutMs = 1_500,
): Promise<NatsReachability> {
  for (const server of servers) {
    if (await answers(server, timeoutMs)) return { reachable: true, server };
  }
  return { reachable: false, server: servers.join(', ') };
}

function answers(server: string, timeoutMs: number): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(url.port || 4222);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('data', (chunk) => done(chunk.toString('utf8', 0, 4) === 'INFO'));
    socket.once('error', () => done(false));
  });
}
