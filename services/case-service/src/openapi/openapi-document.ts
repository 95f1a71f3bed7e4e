/**
 * The OpenAPI 3.1 document of the case service, generated from the same zod schemas that
 * parse the requests (the domain's command registry) and describe the answers. Served at
 * /openapi.json and checked in as docs/openapi.json (`node services/case-service/src/openapi/write-openapi.ts`).
 * Personal fields carry `x-personal: true`.
 */
import { auditOpenApiPaths } from '@casetrail/audit';
import { type CaseCommandType, caseCommandRegistry, caseCommandTypes } from '@casetrail/domain';
import { z } from 'zod';
import { honoPath } from '../commands/command-routes.ts';
import { caseViewSchema, problemSchema, writeResultSchema } from './response-schemas.ts';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema: node }) => {
      const mark = node as JsonObject;
      if (mark.personal === true) {
        delete mark.personal;
        mark['x-personal'] = true;
      }
    },
  });
  return rest;
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

const refusals = {
  '400': problemAnswer('Invalid input: `errors` names each bad field'),
  '401': problemAnswer('Missing, expired, forged or malformed token'),
  '403': problemAnswer('Not allowed for this agency'),
  '404': problemAnswer('Unknown case'),
} as const;

const writeRefusals = {
  ...refusals,
  '409': problemAnswer(
    "Not allowed in the case's current state (`code` is the domain's rule); or, retryable, `concurrency-conflict` / `idempotency-key-in-progress`",
  ),
  '412': problemAnswer('If-Match names a revision the case has moved past'),
  '413': problemAnswer('Body too large'),
  '415': problemAnswer('Body is not application/json'),
  '422': problemAnswer('Idempotency-Key already used with a different request'),
} as const;

const headerParameter = (name: string, description: string, pattern?: string) => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: pattern ? { type: 'string', pattern } : { type: 'string' },
});

const pathParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
  description: `${name} (ULID)`,
});

function operationId(type: CaseCommandType): string {
  return type.charAt(0).toLowerCase() + type.slice(1);
}

function commandOperation(type: CaseCommandType) {
  const { route, action, successStatus, body } = caseCommandRegistry[type];
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) =>
    pathParameter(match[1] ?? ''),
  );
  const headers: JsonObject = {
    ETag: { description: 'The new revision, quoted', schema: { type: 'string' } },
  };
  if (type === 'ReportCase') {
    headers.Location = { description: 'The new case', schema: { type: 'string' } };
  }
  return {
    operationId: operationId(type),
    summary: body.description ?? type,
    description: `Command \`${type}\`; policy action \`${action}\`.`,
    tags: ['commands'],
    security: [{ bearer: [] }],
    parameters: [
      ...params,
      headerParameter(
        'Idempotency-Key',
        'Retry-safe key: the first answer is returned again, nothing recorded twice',
        '^[\\x21-\\x7e]{1,255}$',
      ),
      headerParameter(
        'If-Match',
        'The revision the caller saw, quoted ("3"): 412 if the case moved on',
      ),
      headerParameter(
        'traceparent',
        "W3C trace context: its trace id becomes the events' correlation id",
      ),
    ],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${type}` } } },
    },
    responses: {
      [String(successStatus)]: {
        description: type === 'ReportCase' ? 'Case reported' : 'Recorded',
        headers,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/WriteResult' } } },
      },
      ...writeRefusals,
    },
  };
}

export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const type of caseCommandTypes) {
    const path = caseCommandRegistry[type].route.path;
    paths[path] = { ...paths[path], post: commandOperation(type) };
  }
  paths['/v1/cases/{caseId}'] = {
    get: {
      operationId: 'getCase',
      summary:
        'The case summary, from its stream; personal data only for agencies allowed to read it',
      tags: ['queries'],
      security: [{ bearer: [] }],
      parameters: [
        pathParameter('caseId'),
        headerParameter('X-Purpose', 'Why personal data is read: written to the access log'),
        headerParameter(
          'If-None-Match',
          'A previous ETag: 304 when unchanged (not for personal-data readers)',
        ),
      ],
      responses: {
        '200': {
          description: 'The case',
          headers: { ETag: { description: 'The revision, quoted', schema: { type: 'string' } } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseView' } } },
        },
        '304': { description: 'Not modified' },
        ...refusals,
      },
    },
  };
  const plain = (description: string, type: string) => ({
    description,
    content: { [type]: { schema: { type: type.includes('json') ? 'object' : 'string' } } },
  });
  paths['/healthz'] = {
    get: {
      operationId: 'healthz',
      tags: ['operations'],
      responses: { '200': plain('Alive', 'application/json') },
    },
  };
  paths['/readyz'] = {
    get: {
      operationId: 'readyz',
      tags: ['operations'],
      responses: {
        '200': plain('Ready: the event store answers', 'application/json'),
        '503': problemAnswer('Not ready'),
      },
    },
  };
  paths['/metrics'] = {
    get: {
      operationId: 'metrics',
      tags: ['operations'],
      responses: { '200': plain('Prometheus text format 0.0.4', 'text/plain') },
    },
  };
  Object.assign(paths, auditOpenApiPaths());
  paths['/openapi.json'] = {
    get: {
      operationId: 'openapi',
      tags: ['operations'],
      responses: { '200': plain('This document', 'application/json') },
    },
  };

  const schemas: Record<string, JsonObject> = {};
  for (const type of caseCommandTypes)
    schemas[type] = jsonSchema(caseCommandRegistry[type].body, 'input');
  schemas.WriteResult = jsonSchema(writeResultSchema, 'output');
  schemas.CaseView = jsonSchema(caseViewSchema, 'output');
  schemas.Problem = jsonSchema(problemSchema, 'output');

  return {
    openapi: '3.1.0',
    info: {
      title: 'casetrail case service',
      version: '1.0.0',
      description:
        'Commands and queries on cases of people lured abroad by job-scam syndicates. Every write needs a bearer JWT with `sub` and `agency`. Errors are RFC 9457 problem+json. See docs/api.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'commands', description: 'One POST per command of the domain' },
      { name: 'queries', description: 'Reads served from the event store' },
      { name: 'operations', description: 'Health, readiness, metrics, this document' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
  };
}

/** Hono route templates of every documented path (used by a test to keep both in step). */
export function documentedRoutes(): string[] {
  return Object.keys(buildOpenApiDocument().paths as JsonObject).map(honoPath);
}
