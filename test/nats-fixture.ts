/**
 * Test support for the NATS end-to-end tests: the real case service on a loopback port (real
 * SQLite store, sealed personal data, JWTs) with the real projector and its publisher on the
 * same store, publishing to the test's private nats-server; every message on that server read
 * raw with the NATS client (a `>` tap while it runs, and every stored message of the streams
 * behind KV and CASETRAIL_PROJECTIONS afterwards); and the case summaries of a fresh rebuild
 * of the same log. Nothing is mocked.
 */
import { startTestCaseService, type TestCaseService } from '@casetrail/case-service';
import type { EventStore } from '@casetrail/event-store';
import type { CaseSummaryDocument } from '@casetrail/projections';
import {
  openReadModels,
  type Projector,
  readCaseSummary,
  rebuildReadModels,
  startProjector,
} from '@casetrail/projector';
import { tempDir, waitFor } from '@casetrail/test-harness';
import { jetstream } from '@nats-io/jetstream';
import type { MsgHdrs, NatsConnection } from '@nats-io/transport-node';

export type WriteAnswer = { caseId: string; revision: number; position: number };

export type NatsEngine = {
  readonly service: TestCaseService;
  readonly projector: Projector;
  /** A write that must be accepted; returns its answer. */
  post(agency: string, path: string, body: unknown): Promise<WriteAnswer>;
  /** Resolves when the read models hold the whole log and NATS has everything they owe. */
  caughtUp(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export async function startNatsEngine(natsUrl: string): Promise<NatsEngine> {
  const service = await startTestCaseService();
  const projector = await startProjector({
    store: service.store,
    dataDir: service.dataDir,
    natsServers: [natsUrl],
    logger: quiet,
  });
  return {
    service,
    projector,
    async post(agency, path, body) {
      const answer = await service.request(agency, 'POST', path, { body });
      if (answer.status >= 300) {
        throw new Error(`POST ${path} as ${agency}: ${answer.status} ${answer.text}`);
      }
      return answer.json as WriteAnswer;
    },
    async caughtUp(timeoutMs = 60_000) {
      const head = await service.store.headPosition();
      if (head !== undefined) await projector.waitForPosition(head, timeoutMs);
      await waitFor(
        () => {
          const publisher = projector.status().publisher;
          return publisher?.connected === true && publisher.pending === 0;
        },
        { timeoutMs, what: 'the publisher to have sent everything it owes' },
      );
    },
    async close() {
      await projector.stop();
      await service.close();
    },
  };
}

/** One message as it crossed the wire or sits in a stream: subject, headers and raw bytes. */
export type RawMessage = {
  readonly subject: string;
  readonly headers: string;
  readonly data: Uint8Array;
};

const headerText = (headers: MsgHdrs | undefined): string =>
  headers ? [...headers].map(([key, values]) => `${key}: ${values.join(', ')}`).join('\n') : '';

/** Copies every message published on the server from now on (`>`: everything on the wire). */
export function tapEverything(nc: NatsConnection): RawMessage[] {
  const seen: RawMessage[] = [];
  nc.subscribe('>', {
    callback: (_error, message) => {
      seen.push({
        subject: message.subject,
        headers: headerText(message.headers),
        data: Uint8Array.from(message.data),
      });
    },
  });
  return seen;
}

/** Every message a stream holds, in stream order, read one by one with the raw client. */
export async function storedMessages(
  nc: NatsConnection,
  stream: string,
): Promise<(RawMessage & { seq: number; json: () => unknown })[]> {
  const jsm = await jetstream(nc).jetstreamManager();
  const { state } = await jsm.streams.info(stream);
  const messages: (RawMessage & { seq: number; json: () => unknown })[] = [];
  for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
    const stored = await jsm.streams.getMessage(stream, { seq });
    if (!stored) continue;
    messages.push({
      seq,
      subject: stored.subject,
      headers: headerText(stored.header),
      data: stored.data,
      json: () => stored.json(),
    });
  }
  return messages;
}

/**
 * What to search for: each personal value as written; its digits alone when it has six or
 * more (an identity number, phone or date written without separators); and each word of five
 * letters or more of a name (a surname alone is still personal). Digits and name words must
 * stand alone (not inside a longer run of letters or digits), so random tokens on the wire
 * (inbox names, ULIDs, hashes) cannot match them by chance. Case-insensitive.
 */
export type Needle = { readonly text: string; readonly pattern: RegExp };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const standalone = (text: string): Needle => ({
  text,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'iu'),
});

export function personalNeedles(names: readonly string[], values: readonly string[]): Needle[] {
  const needles = new Map<string, Needle>();
  for (const value of [...names, ...values]) {
    needles.set(value.toLowerCase(), {
      text: value,
      pattern: new RegExp(escapeRegExp(value), 'iu'),
    });
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 6) needles.set(digits, standalone(digits));
  }
  for (const name of names) {
    for (const word of name.split(/\s+/)) {
      if (word.length >= 5 && !/^(binti|bin)$/i.test(word))
        needles.set(word.toLowerCase(), standalone(word));
    }
  }
  return [...needles.values()];
}

/** Which needles occur anywhere in the message: subject, headers or payload bytes. */
export function personalDataIn(message: RawMessage, needles: readonly Needle[]): string[] {
  const text = `${message.subject}\n${message.headers}\n${Buffer.from(message.data).toString('utf8')}`;
  return needles.filter((needle) => needle.pattern.test(text)).map((needle) => needle.text);
}

/** The case summaries a fresh rebuild of the whole log produces, by case id. */
export async function rebuiltCaseSummaries(
  store: EventStore,
): Promise<Map<string, CaseSummaryDocument>> {
  const dir = tempDir('casetrail-nats-rebuild-');
  try {
    await rebuildReadModels({ store, dataDir: dir.path, republish: false });
    const readModels = openReadModels({ dataDir: dir.path });
    try {
      const rows = readModels
        .connection()
        .prepare('SELECT case_id FROM case_summaries ORDER BY case_id')
        .all() as { case_id: string }[];
      return new Map(rows.map((row) => [row.case_id, readCaseSummary(readModels, row.case_id)!]));
    } finally {
      readModels.close();
    }
  } finally {
    dir.remove();
  }
}
