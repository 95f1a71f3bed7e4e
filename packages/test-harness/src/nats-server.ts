/**
 * Spawns a private nats-server (JetStream on) on a free loopback port for one test file.
 * Never a mock: when the binary is missing, `startNatsServer` returns `{ skipped: reason }`
 * and the caller skips loudly with that reason.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { waitFor } from './wait-for.ts';

const candidates = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

export function natsServerBinary(): string | undefined {
  const fromEnv = process.env.NATS_SERVER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path));
}

export type NatsServer = {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM); the JetStream store directory is kept for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same JetStream store. */
  start(): Promise<void>;
  /** Stops it and removes its store directory. */
  dispose(): Promise<void>;
};

export type NatsServerResult = { server: NatsServer } | { skipped: string };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startNatsServer(): Promise<NatsServerResult> {
  const binary = natsServerBinary();
  if (!binary) {
    return {
      skipped: `no nats-server binary (looked in NATS_SERVER_BIN and ${candidates.join(', ')})`,
    };
  }
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'casetrail-nats-'));
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: 'ignore',
    });
    await waitFor(() => portOpen(port), { timeoutMs: 15_000, what: `nats-server on port ${port}` });
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    server: {
      url: `nats://127.0.0.1:${port}`,
      port,
      stop,
      start,
      dispose: async () => {
        await stop();
        rmSync(storeDir, { recursive: true, force: true });
      },
    },
  };
}
