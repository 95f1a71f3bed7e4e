import { describe, expect, it } from 'vitest';
import { auditOpenApiPaths } from './audit-openapi-paths.ts';

describe('auditOpenApiPaths', () => {
  it('describes every audit endpoint, with the export schema generated from zod', () => {
    const paths = auditOpenApiPaths();
    expect(Object.keys(paths).sort()).toEqual([
      '/v1/audit/access-log',
      '/v1/cases/{caseId}/export',
      '/v1/cases/{caseId}/history',
      '/v1/cases/{caseId}/verification',
      '/v1/stats/national',
      '/v1/stats/public',
    ]);
    const exported = paths['/v1/cases/{caseId}/export'] as {
      get: {
        responses: Record<string, { content: Record<string, { schema: { required: string[] } }> }>;
      };
    };
    expect(exported.get.responses['200']?.content['application/json']?.schema.required).toEqual(
      expect.arrayContaining(['format', 'manifest', 'events', 'chain', 'history']),
    );
    expect(JSON.stringify(paths)).not.toContain('undefined');
  });
});
