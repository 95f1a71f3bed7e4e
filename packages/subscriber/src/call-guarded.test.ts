import { describe, expect, it } from 'vitest';
import { callGuarded } from './call-guarded.ts';

describe('callGuarded', () => {
  it('swallows a failing callback and logs its error name, never its message', async () => {
    const lines: string[] = [];
    const keep = (message: string, fields?: object) =>
      void lines.push(JSON.stringify({ message, ...fields }));
    const logger = { info: keep, warn: keep, error: keep };
    await callGuarded(logger, 'onUpdate', async () => {
      throw new RangeError('Aminah, passport A1234567');
    });
    expect(lines).toEqual([
      JSON.stringify({
        message: 'subscriber callback failed',
        callback: 'onUpdate',
        error: 'RangeError',
      }),
    ]);
  });
});
