import { describe, expect, it } from 'vitest';
import { AlertingOptionsInvalidError } from './alerting-errors.ts';
import { parseAlertingOptions } from './alerting-options.ts';

describe('alerting options', () => {
  it('defaults the evaluation interval to a minute', () => {
    expect(parseAlertingOptions({ servers: 'nats://127.0.0.1:4222', staleDays: 30 })).toMatchObject(
      { checkIntervalMs: 60_000 },
    );
  });

  it('refuses bad options, naming each', () => {
    let caught: unknown;
    try {
      parseAlertingOptions({ servers: [], staleDays: 0.5, sink: 'stdout', checkIntervalMs: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AlertingOptionsInvalidError);
    const { problems, code } = caught as AlertingOptionsInvalidError;
    expect(code).toBe('AlertingOptionsInvalid');
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'servers',
      'staleDays',
      'sink',
      'checkIntervalMs',
    ]);
    expect(problems.join('\n')).toContain('sink must be a function');
  });
});
