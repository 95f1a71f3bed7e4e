/**
 * The OpenAPI 3.1 path items of the auditors' endpoints, for the case service's document to
 * merge (`Object.assign(paths, auditOpenApiPaths())`). Answers refer to the document's
 * `Problem` schema; the export's schema is generated from the same zod schema that checks an
 * export file. Describes only: it must never be the place where a route's behaviour is decided.
 */
import { z } from 'zod';
import { caseExportSchema } from '../export/case-export-document.ts';
import { AS_OF_EXAMPLE } from '../input/audit-query.ts';

type JsonObject = Record<string, unknown>;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const refusals = {
  '400': problem('Invalid query: `errors` names each bad field'),
  '401': problem('Missing, expired, forged or malformed token'),
  '403': problem('Not allowed for this agency'),
};
const json = (description: string, schema: JsonObject = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const caseId = {
  name: 'caseId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
};
const asOfParameters = [
  {
    name: 'asOf',
    in: 'query',
    required: false,
    description: `ISO 8601 date-time with a zone, e.g. ${AS_OF_EXAMPLE}; absent: now`,
    schema: { type: 'string', format: 'date-time' },
  },
  {
    name: 'time',
    in: 'query',
    required: false,
    description:
      'recorded: what was known at asOf (store time); occurred: what had happened by asOf (business time)',
    schema: { type: 'string', enum: ['recorded', 'occurred'], default: 'recorded' },
  },
];
const purpose = {
  name: 'X-Purpose',
  in: 'header',
  required: false,
  description: 'Why personal data is read: written to the access log',
  schema: { type: 'string' },
};
const source = {
  'X-Casetrail-Source': { description: 'read-model or log', schema: { type: 'string' } },
};

const get = (
  operationId: string,
  summary: string,
  parameters: unknown[],
  responses: JsonObject,
) => ({
  get: { operationId, summary, tags: ['audit'], security: [{ bearer: [] }], parameters, responses },
});

export function auditOpenApiPaths(): Record<string, JsonObject> {
  const { $schema: _dialect, ...exportSchema } = z.toJSONSchema(caseExportSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    '/v1/cases/{caseId}/history': get(
      'getCaseHistory',
      'Every event with who/when, revision, position, hash and the state after it, as of a moment (replay-history)',
      [caseId, ...asOfParameters, purpose],
      {
        '200': json(
          'The history; personal fields decrypted, masked or erased as the policy and the erasure say',
        ),
        ...refusals,
        '404': problem('Unknown case'),
      },
    ),
    '/v1/cases/{caseId}/verification': get(
      'getCaseVerification',
      "Integrity check of the case's stream (verify-integrity)",
      [caseId],
      {
        '200': json('The check ran: `ok`, `head`, `firstBadEvent`'),
        ...refusals,
        '404': problem('Unknown case'),
      },
    ),
    '/v1/cases/{caseId}/export': get(
      'getCaseExport',
      'The case as a self-contained file for an offline check (replay-history); see docs/audit.md',
      [caseId, purpose],
      {
        '200': json('The export (Content-Disposition: attachment)', exportSchema),
        ...refusals,
        '404': problem('Unknown case'),
      },
    ),
    '/v1/stats/national': get(
      'getNationalSummary',
      'The national summary, now or as of a moment (read-statistics)',
      asOfParameters,
      {
        '200': { ...json('The national summary with its parts-add-up check'), headers: source },
        ...refusals,
      },
    ),
    '/v1/stats/public': get(
      'getPublicStatistics',
      'The national summary with every cell under 11 withheld (read-statistics)',
      asOfParameters,
      {
        '200': { ...json('The public statistics; withheld cells are null'), headers: source },
        ...refusals,
      },
    ),
    '/v1/audit/access-log': get(
      'getAccessLog',
      'Reads of decrypted personal data, per case, user or agency (replay-history)',
      [
        { name: 'caseId', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'sub', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'agency', in: 'query', required: false, schema: { type: 'string' } },
      ],
      {
        '200': json("`entries` and `chain` (the log's own verification); exactly one filter"),
        ...refusals,
      },
    ),
  };
}
