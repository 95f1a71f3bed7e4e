import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from './keyed-mutex.ts';

describe('createKeyedMutex', () => {
  it('runs tasks of one key one after the other, in arrival order, past failures', async () => {
    const mutex = createKeyedMutex();
    const trace: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = mutex('a', async () => {
      trace.push('a1 start');
      await gate;
      trace.push('a1 end');
      throw new Error('a1 failed');
    });
    const second = mutex('a', async () => {
      trace.push('a2');
      return 2;
    });
    const other = mutex('b', async () => {
      trace.push('b1');
      return 'b';
    });
    expect(await other).toBe('b');
    expect(trace).toEqual(['a1 start', 'b1']);
    release();
    await expect(first).rejects.toThrow('a1 failed');
    expect(await second).toBe(2);
    expect(trace).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });
});
