/**
 * What lands on NATS after a scripted set of commands, end to end: the commands go over real
 * HTTP to the case service (real SQLite store, sealed personal data), the real projector folds
 * them and its publisher sends them to a private nats-server. Checked field by field: the KV
 * case summaries, the CloudEvents on the case subjects (every revision, envelope, message id),
 * the statistics in KV and on their subject. Every byte of every message (all traffic seen on
 * `>` while the script ran, and every message stored in the KV and projection streams) is
 * scanned for every personal value the commands carried. Then the alerting service and a
 * plain subscriber read the same documents.
 */
import { startAlerting } from '@casetrail/alerting';
import { messageIdFor } from '@casetrail/publication';
import { openCaseSubscriber } from '@casetrail/subscriber';
import { announceSkip, type NatsServer, startNatsServer } from '@casetrail/test-harness';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type NatsEngine,
  personalDataIn,
  personalNeedles,
  type RawMessage,
  rebuiltCaseSummaries,
  startNatsEngine,
  storedMessages,
  tapEverything,
} from './nats-fixture.ts';
import { personalNames, personalValues, runScript, type ScriptedCases } from './nats-script.ts';

// biome-ignore lint/suspicious/noExplicitAny: published documents are checked field by field
type Json = any;

const started = await startNatsServer();
const skipped = 'skipped' in started ? started.skipped : undefined;
if (skipped) announceSkip('NATS publication end to end', skipped);

const needles = personalNeedles(personalNames, personalValues);

const DAY_MS = 86_400_000;

/** The `data` of a structured CloudEvent as the bytes sent (the publisher splices it in last). */
function documentTextOf(message: RawMessage): string {
  const text = Buffer.from(message.data).toString('utf8');
  return text.slice(text.indexOf(',"data":') + ',"data":'.length, -1);
}

describe.skipIf(skipped !== undefined)(
  'what lands on NATS after a scripted set of commands',
  () => {
    const server = 'server' in started ? (started.server as NatsServer) : undefined;
    let nc: NatsConnection;
    let tap: RawMessage[];
    let engine: NatsEngine;
    let ids: ScriptedCases['ids'];
    let last: ScriptedCases['last'];
    let figuresChangedAt: number;
    let kvCases: Map<string, { text: string; json: Json }>;
    let projectionMessages: Awaited<ReturnType<typeof storedMessages>>;

    beforeAll(async () => {
      nc = await connect({ servers: server!.url });
      tap = tapEverything(nc);
      await nc.flush();
      engine = await startNatsEngine(server!.url);

      ({ ids, last, figuresChangedAt } = await runScript(engine));

      await engine.caughtUp();
      const kv = await new Kvm(nc).open('casetrail_cases');
      kvCases = new Map();
      for await (const key of await kv.keys()) {
        const entry = await kv.get(key);
        if (entry?.operation === 'PUT')
          kvCases.set(key, { text: entry.string(), json: entry.json() });
      }
      projectionMessages = await storedMessages(nc, 'CASETRAIL_PROJECTIONS');
    });
    afterAll(async () => {
      await engine?.close();
      await nc?.close();
      await server?.dispose();
    });

    it('holds one case summary per case in KV, at the revision and position of its last command', async () => {
      expect([...kvCases.keys()].sort()).toEqual(Object.values(ids).sort());
      for (const caseId of Object.values(ids)) {
        const { json } = kvCases.get(caseId)!;
        expect(json.kind).toBe('case-summary');
        expect(json.caseId).toBe(caseId);
        expect(json.revision).toBe(last[caseId]!.revision);
        expect(json.position).toBe(last[caseId]!.position);
        expect(Date.parse(json.updatedAt)).not.toBeNaN();
        expect(json.whereabouts).toBe(json.stage);
      }
      // And it is the projector's own read model, field for field.
      const rebuilt = await rebuiltCaseSummaries(engine.service.store);
      for (const [caseId, { json }] of kvCases) expect(json).toEqual(rebuilt.get(caseId));
    });

    it('carries, field by field, what the commands recorded', () => {
      const A = kvCases.get(ids.A)!.json;
      expect(A).toMatchObject({
        status: 'open',
        closure: null,
        duplicateOf: null,
        whereabouts: 're_departed',
        repatriationRoute: 'via_rescue',
        counts: { trackingUpdates: 1, rescues: 1, repatriations: 1, reDepartures: 1 },
        classification: {
          status: 'confirmed_victim',
          role: null,
          basis: 'protection_order',
          decidingAgency: 'mapo',
          reversals: 0,
        },
        legal: { status: 'none', prosecutions: [] },
        reportSource: 'mp_service_centre',
        reportedCountry: 'KH',
        recruitmentChannel: 'messaging_app',
        sex: 'female',
        ageBand: '55+',
        reportedBy: 'mp-centre',
        openHandovers: [],
        personalData: 'held',
      });
      expect([...A.agenciesInvolved].sort()).toEqual(
        ['embassy', 'immigration', 'mapo', 'mp-centre', 'pdrm', 'wisma-putra'].sort(),
      );
      for (const stage of [
        'reportedAt',
        'firstTrackedAt',
        'rescuedAt',
        'repatriatedAt',
        'reDepartedAt',
      ])
        expect(Date.parse(A.stages[stage]), stage).not.toBeNaN();
      expect(A.stages.closedAt).toBeNull();

      const B = kvCases.get(ids.B)!.json;
      expect(B).toMatchObject({
        whereabouts: 'reported',
        classification: {
          status: 'reclassified',
          role: 'operator',
          basis: 'admission',
          decidingAgency: 'pdrm',
        },
        legal: {
          status: 'concluded',
          prosecutions: [
            {
              act: 'penal_code',
              sections: ['420'],
              court: 'Sessions Court Kuala Lumpur',
              courtReference: 'WA-62R-77-03/2025',
              outcome: 'convicted',
            },
          ],
        },
        reportSource: 'family',
        reportedCountry: 'MM',
        sex: 'male',
        reportedBy: 'wisma-putra',
        leadAgency: 'mapo',
        openHandover: null,
        openHandovers: [],
      });

      expect(kvCases.get(ids.C)!.json).toMatchObject({
        duplicateOf: ids.A,
        status: 'closed',
        closure: { reason: 'duplicate' },
        reportSource: 'police',
      });
      const D = kvCases.get(ids.D)!.json;
      expect(D).toMatchObject({ status: 'open', closure: null, reportedCountry: 'LA' });
      expect(Date.parse(D.stages.closedAt)).not.toBeNaN();
      expect(Date.parse(D.stages.reopenedAt)).not.toBeNaN();
      expect(kvCases.get(ids.E)!.json).toMatchObject({
        whereabouts: 'tracked',
        personalData: 'erased',
        lastKnownCountry: 'TH',
        counts: { trackingUpdates: 1 },
      });
    });

    it('published every revision of every case once, in order, as CloudEvents', () => {
      const caseMessages = projectionMessages.filter((m) =>
        m.subject.startsWith('casetrail.projection.case.'),
      );
      for (const caseId of Object.values(ids)) {
        const mine = caseMessages.filter(
          (m) => m.subject === `casetrail.projection.case.${caseId}`,
        );
        const revisions = mine.map((m) => (m.json() as Json).data.revision);
        expect(revisions).toEqual(Array.from({ length: last[caseId]!.revision + 1 }, (_, i) => i));
        for (const message of mine) {
          const event = message.json() as Json;
          const documentText = documentTextOf(message);
          expect(Object.keys(event)).toEqual([
            'specversion',
            'id',
            'source',
            'type',
            'subject',
            'time',
            'datacontenttype',
            'data',
          ]);
          expect(event).toMatchObject({
            specversion: '1.0',
            source: 'urn:casetrail:projector',
            type: 'casetrail.case-summary.updated.v1',
            subject: caseId,
            datacontenttype: 'application/json',
            time: event.data.updatedAt,
          });
          expect(event.data.caseId).toBe(caseId);
          expect(event.id).toBe(
            messageIdFor({
              kind: 'case',
              key: caseId,
              version: event.data.revision,
              document: documentText,
            }),
          );
          expect(message.headers).toContain(`Nats-Msg-Id: ${event.id}`);
        }
        // The last event carries exactly what KV holds, byte for byte.
        expect(documentTextOf(mine.at(-1)!)).toBe(kvCases.get(caseId)!.text);
      }
      const A = caseMessages
        .filter((m) => m.subject === `casetrail.projection.case.${ids.A}`)
        .map((m) => (m.json() as Json).data);
      expect(A.map((document) => document.whereabouts)).toEqual([
        'reported',
        'tracked',
        'rescued',
        'rescued',
        'repatriated',
        'repatriated',
        're_departed',
      ]);
      expect(A.map((document) => document.classification.status)).toEqual([
        'presumed_victim',
        'presumed_victim',
        'presumed_victim',
        'confirmed_victim',
        'confirmed_victim',
        'confirmed_victim',
        'confirmed_victim',
      ]);
      const E = caseMessages
        .filter((m) => m.subject === `casetrail.projection.case.${ids.E}`)
        .map((m) => (m.json() as Json).data.personalData);
      expect(E).toEqual(['held', 'held', 'erased']);
    });

    it('publishes the national figures in KV and on their subject, adding up, people not reports', async () => {
      const stats = await new Kvm(nc).open('casetrail_stats');
      const national = (await stats.get('national'))!.json() as Json;
      expect(national).toMatchObject({
        kind: 'national-summary',
        asOf: null,
        // The position of the last change to the figures: a tracking update of someone already
        // being tracked, or an erasure, changes no figure.
        position: figuresChangedAt,
        affected: 4,
        duplicatesExcluded: 1,
        whereabouts: { beingTracked: 3, rescuedAwaitingReturn: 0, returnedHome: 1, closed: 0 },
        returnedHome: { atHome: 0, reDeparted: 1 },
        classification: { presumedVictim: 2, confirmedVictim: 1, reclassified: 1 },
        reclassifiedByRole: { operator: 1 },
        reclassifiedShareOfAffected: 0.25,
        legal: { notProsecuted: 3, prosecuted: 1, convicted: 1 },
        byReportSource: { mp_service_centre: 1, family: 1, embassy: 1, friend: 1 },
        check: { addsUp: true },
      });
      expect(national.byReportSource.police ?? 0).toBe(0);
      const publicFigures = (await stats.get('public'))!.json() as Json;
      expect(publicFigures.affected).toBeNull(); // 4 people: a cell under 11 is suppressed
      const onSubject = projectionMessages.filter(
        (m) => m.subject === 'casetrail.projection.stats.national',
      );
      expect(onSubject.length).toBeGreaterThan(0);
      const latest = onSubject.at(-1)!.json() as Json;
      expect(latest).toMatchObject({
        specversion: '1.0',
        type: 'casetrail.national-summary.updated.v1',
        subject: 'national',
        data: national,
      });
      expect(projectionMessages.some((m) => m.subject.endsWith('.public'))).toBe(false);
    });

    it('puts no personal value in any byte of any NATS message, on the wire or stored', async () => {
      const stored = [
        ...(await storedMessages(nc, 'KV_casetrail_cases')),
        ...(await storedMessages(nc, 'KV_casetrail_stats')),
        ...projectionMessages,
      ];
      expect(tap.some((m) => m.subject.startsWith('$KV.casetrail_cases.'))).toBe(true);
      expect(tap.some((m) => m.subject.startsWith('casetrail.projection.case.'))).toBe(true);
      expect(stored.length).toBeGreaterThan(Object.keys(ids).length);
      const found = [...tap, ...stored].flatMap((message) =>
        personalDataIn(message, needles).map((needle) => `${message.subject}: ${needle}`),
      );
      expect(found).toEqual([]);
      // The scan itself finds what it looks for (so an empty result above means something).
      const probe = {
        subject: 'x',
        headers: '',
        data: Buffer.from('{"n":"NURUL izzati","k":"880215105566"}'),
      };
      expect(personalDataIn(probe, needles).sort()).toEqual(['880215105566', 'Izzati', 'Nurul']);
      for (const line of engine.service.logs)
        expect(
          personalDataIn({ subject: '', headers: '', data: Buffer.from(line) }, needles),
        ).toEqual([]);
    });

    it('is what the subscriber package snapshots, and what the alerting service judges', async () => {
      const subscriber = await openCaseSubscriber({ servers: server!.url });
      try {
        expect(new Map(subscriber.cases)).toEqual(
          new Map([...kvCases].map(([caseId, { json }]) => [caseId, json])),
        );
      } finally {
        await subscriber.close();
      }
      const lines: string[] = [];
      const alerting = await startAlerting({
        servers: server!.url,
        staleDays: 30,
        now: () => new Date(Date.now() + 31 * DAY_MS),
        write: (line) => void lines.push(line),
      });
      try {
        // Active and untouched for 31 days: B (abroad, convicted), D (reopened), E (tracked).
        // A came home (then left on their own) and C is a duplicate: nobody chases them.
        expect(
          alerting
            .alerts()
            .map((alert) => alert.caseId)
            .sort(),
        ).toEqual([ids.B, ids.D, ids.E].sort());
        expect(lines.map((line) => JSON.parse(line).state)).toEqual(['raised', 'raised', 'raised']);
        for (const line of lines)
          expect(
            personalDataIn({ subject: '', headers: '', data: Buffer.from(line) }, needles),
          ).toEqual([]);
      } finally {
        await alerting.close();
      }
    });
  },
);
