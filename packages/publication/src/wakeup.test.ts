import { describe, expect, it } from 'vitest';
import { createWakeup } from './wakeup.ts';

const hour = 60 * 60 * 1000;

describe('createWakeup', () => {
  it('wake() ends a plain wait, and a wake with nobody waiting ends the next one', async () => {
    const wakeup = createWakeup();
    const waiting = wakeup.wait(hour);
    wakeup.wake();
    await waiting; // would hang for an hour (and time the test out) if wake() did nothing
    wakeup.wake();
    await wakeup.wait(hour);
  });

  it('a firm wait (back-off) ignores wake() but not wake(true)', async () => {
    const wakeup = createWakeup();
    let ended = false;
    const waiting = wakeup.wait(hour, true).then(() => {
      ended = true;
    });
    wakeup.wake();
    await Promise.resolve();
    expect(ended).toBe(false);
    wakeup.wake(true);
    await waiting;
    expect(ended).toBe(true);
  });
});
