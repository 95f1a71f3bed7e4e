/**
 * infra/nats/nats-server.conf must keep starting a JetStream server the publisher can use:
 * this starts the real binary from that file (on free ports, in a temporary working
 * directory so the relative store_dir lands there) and publishes through it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import {
  announceSkip,
  freePort,
  natsServerBinary,
  tempDir,
  waitFor,
} from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueue } from './enqueue.ts';
import { NatsNames } from './nats-names.ts';
import { ensureOutboxSchema } from './outbox-schema.ts';
import { createDenyListFilter } from './publication-filter.ts';
import { capturingLogger } from './publication-test-kit.ts';
import { startPublisher } from './publisher.ts';

const conf = fileURLToPath(new URL('../../../infra/nats/nats-server.conf', import.meta.url));
const binary = natsServerBinary();
if (!binary) announceSkip('infra/nats/nats-server.conf', 'no nats-server binary');

describe.skipIf(!binary)('infra/nats/nats-server.conf', () => {
  const dir = tempDir('casetrail-conf-');
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  });

  it('starts a JetStream server the publisher creates its resources on', async () => {
    const [port, monitor] = [await freePort(), await freePort()];
    let output = '';
    child = spawn(binary!, ['-c', conf, '-a', '127.0.0.1', '-p', `${port}`, '-m', `${monitor}`], {
      cwd: dir.path,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const url = `nats://127.0.0.1:${port}`;
    const nc = await waitFor(() => connect({ servers: url }), {
      timeoutMs: 15_000,
      what: `nats-server from ${conf} (${output.slice(-300)})`,
    });
    const jsz = await waitFor(async () => (await fetch(`http://127.0.0.1:${monitor}/jsz`)).json());
    expect(jsz).toMatchObject({ config: { max_storage: 20 * 1024 ** 3 } }); // read from the file

    const db = new DatabaseSync(':memory:');
    ensureOutboxSchema(db);
    db.exec('BEGIN');
    enqueue(db, { kind: 'case', caseId: 'CONF-1', document: { revision: 0, position: 1 } });
    db.exec('COMMIT');
    const publisher = startPublisher({
      db,
      servers: url,
      source: 'urn:casetrail:conf-test',
      filter: createDenyListFilter(['fullName']),
      logger: capturingLogger(),
      pollIntervalMs: 50,
    });
    await waitFor(() => publisher.status().pending === 0, {
      timeoutMs: 20_000,
      what: 'the row to be published',
    });
    await publisher.stop();
    const cases = await new Kvm(nc).open(NatsNames.casesBucket);
    expect((await cases.get('CONF-1'))?.json()).toEqual({ revision: 0, position: 1 });
    expect(existsSync(join(dir.path, 'data/nats/jetstream'))).toBe(true);
    await nc.close();
  });
});
