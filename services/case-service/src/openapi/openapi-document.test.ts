import { readFileSync } from 'node:fs';
import { caseCommandRegistry, caseCommandTypes } from '@casetrail/domain';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document.ts';
import { openApiPath, renderOpenApi } from './write-openapi.ts';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
};

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument() as Doc;

  it('is checked in and current (node services/case-service/src/openapi/write-openapi.ts)', () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(renderOpenApi());
  });

  it('documents every command route with its body schema and the contract statuses', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const type of caseCommandTypes) {
      const { route, successStatus } = caseCommandRegistry[type];
      const operation = doc.paths[route.path]?.post;
      expect(operation, route.path).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
        [
          String(successStatus),
          '400',
          '401',
          '403',
          '404',
          '409',
          '412',
          '413',
          '415',
          '422',
        ].sort(),
      );
      expect(doc.components.schemas[type]).toBeDefined();
    }
    expect(doc.paths['/v1/cases/{caseId}']?.get?.operationId).toBe('getCase');
  });

  it('derives body schemas from the zod schemas, strict and with personal fields marked', () => {
    const report = doc.components.schemas.ReportCase as Record<string, unknown> & {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(report.additionalProperties).toBe(false);
    const person = report.properties.person as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(person.properties.fullName?.['x-personal']).toBe(true);
    expect(person.properties.sex?.['x-personal']).toBeUndefined();
    expect(report.properties.occurredAt).toMatchObject({ type: 'string', format: 'date-time' });
  });
});
