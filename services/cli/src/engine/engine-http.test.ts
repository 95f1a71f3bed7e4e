import { describe, expect, it } from 'vitest';
import { isDashboardPath } from './engine-http.ts';

describe('isDashboardPath', () => {
  it.each(['/', '/dashboard', '/dashboard/', '/dashboard/js/app.js', '/v1/live'])(
    'sends %s to the dashboard',
    (path) => {
      expect(isDashboardPath(path)).toBe(true);
    },
  );

  it.each([
    '/v1/cases',
    '/v1/live/x',
    '/v1/stats/national',
    '/healthz',
    '/openapi.json',
    '/dashboardx',
  ])('sends %s to the case service', (path) => {
    expect(isDashboardPath(path)).toBe(false);
  });
});
