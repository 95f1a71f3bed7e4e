/**
 * A consistent snapshot of a KV bucket: the last value of every key, read with a watch until
 * the entry with `delta === 0` (nats-server 2.9 ends its initial values so). Deleted keys are
 * left out. Values that fail to parse are reported, not guessed at.
 */
import type { KV } from '@nats-io/kv';
import type { Parsed } from './projection-documents.ts';

export type KvSnapshot<T> = {
  readonly values: Map<string, T>;
  /** Highest KV stream sequence the snapshot reflects: resume a watch after it. */
  readonly revision: number;
  readonly invalid: readonly { key: string; problem: string }[];
};

export async function readKvSnapshot<T>(
  kv: KV,
  parse: (read: () => unknown) => Parsed<T>,
): Promise<KvSnapshot<T>> {
  const status = await kv.status();
  const values = new Map<string, T>();
  const invalid: { key: string; problem: string }[] = [];
  let revision = status.streamInfo.state.last_seq;
  if (status.values === 0) return { values, revision, invalid };
  const watch = await kv.watch();
  try {
    for await (const entry of watch) {
      revision = Math.max(revision, entry.revision);
      if (entry.operation === 'PUT') {
        const parsed = parse(() => entry.json());
        if (parsed.ok) values.set(entry.key, parsed.value);
        else invalid.push({ key: entry.key, problem: parsed.problem });
      } else values.delete(entry.key);
      if (entry.delta === 0) break;
    }
  } finally {
    watch.stop();
  }
  return { values, revision, invalid };
}
