import { describe, expect, it } from 'vitest';
import { createLogger, errorFields } from './logger.ts';
import { createMetrics } from './metrics.ts';

describe('metrics', () => {
  it('renders request counts, latency histograms, appends and conflicts', () => {
    const metrics = createMetrics();
    metrics.observeRequest('POST', '/v1/cases/:caseId/rescue', 200, 0.004);
    metrics.observeRequest('POST', '/v1/cases/:caseId/rescue', 200, 0.2);
    metrics.countAppend(1);
    metrics.countConflict();
    const text = metrics.render();
    const labels = 'method="POST",route="/v1/cases/:caseId/rescue",status="200"';
    expect(text).toContain(`casetrail_http_requests_total{${labels}} 2`);
    expect(text).toContain(
      `casetrail_http_request_duration_seconds_bucket{${labels},le="0.005"} 1`,
    );
    expect(text).toContain(`casetrail_http_request_duration_seconds_bucket{${labels},le="0.25"} 2`);
    expect(text).toContain(`casetrail_http_request_duration_seconds_count{${labels}} 2`);
    expect(text).toContain('casetrail_appends_total 1');
    expect(text).toContain('casetrail_concurrency_conflicts_total 1');
  });
});

describe('logger', () => {
  it('writes JSON lines at or above its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });
    logger.debug('hidden');
    logger.info('shown', { route: '/healthz' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'shown',
      route: '/healthz',
    });
  });

  it('logs an error message only at debug level', () => {
    const error = Object.assign(new Error('row value Siti'), { code: 'X' });
    expect(errorFields(error, createLogger({ level: 'info', write: () => {} }))).toEqual({
      errorName: 'Error',
      errorCode: 'X',
      errorMessage: undefined,
    });
    expect(errorFields(error, createLogger({ level: 'debug', write: () => {} })).errorMessage).toBe(
      'row value Siti',
    );
  });
});
