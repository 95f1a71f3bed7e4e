/**
 * The raw floor for the publication latency: a bare core-NATS publish on one connection to a
 * subscription on another, on the same server, at the same rate and with a payload the size
 * of a published case summary. No JetStream, no KV, no HTTP, no store: what any NATS
 * message costs at least on this machine. Uses its own subject, outside casetrail's.
 */
import { connect } from '@nats-io/transport-node';
import { paced } from './paced.ts';

const SUBJECT = 'casetrail_bench.floor';

export async function bareNatsRoundTrips(options: {
  readonly servers: string;
  readonly count: number;
  readonly ratePerSecond: number;
  readonly payloadBytes: number;
}): Promise<number[]> {
  const publisher = await connect({ servers: options.servers, name: 'casetrail-bench-floor-pub' });
  const subscriber = await connect({ servers: options.servers, name: 'casetrail-bench-floor-sub' });
  try {
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let done: () => void = () => {};
    const all = new Promise<void>((resolve) => {
      done = resolve;
    });
    const subscription = subscriber.subscribe(SUBJECT, {
      callback: (_error, message) => {
        const at = performance.now();
        const { data } = message;
        const index = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
        const sent = sentAt.get(index);
        if (sent !== undefined) latencies.push(at - sent);
        if (latencies.length === options.count) done();
      },
    });
    await subscriber.flush(); // the interest must reach the server before the first publish
    const payload = Buffer.alloc(Math.max(4, options.payloadBytes), 0x61);
    await paced(options.count, options.ratePerSecond, async (index) => {
      const message = Buffer.from(payload);
      message.writeUInt32BE(index, 0);
      sentAt.set(index, performance.now());
      publisher.publish(SUBJECT, message);
    });
    await publisher.flush();
    const timeout = setTimeout(done, 30_000);
    await all;
    clearTimeout(timeout);
    subscription.unsubscribe();
    if (latencies.length < options.count) {
      throw new Error(
        `bare NATS floor: ${options.count - latencies.length} messages never arrived`,
      );
    }
    return latencies;
  } finally {
    await publisher.close();
    await subscriber.close();
  }
}
