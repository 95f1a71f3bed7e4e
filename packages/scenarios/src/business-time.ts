/**
 * Business time in the scenarios: instants as epoch milliseconds while planning, written out
 * as ISO 8601 in Malaysia time (+08:00) as an agency would send them. Never reads the clock.
 */
import type { SeededRandom } from './seeded-random.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const MYT_OFFSET = 8 * HOUR;

/** `2022-09-30T14:05:00+08:00` for an instant. */
export function malaysiaTime(ms: number): string {
  return `${new Date(ms + MYT_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** A half-open window of business time [from, to). */
export type Window = { readonly from: number; readonly to: number };

/** Uniform in the window, moved into office hours (08:00 to 18:00 Malaysia time). */
export function timeIn(window: Window, random: SeededRandom): number {
  const raw = window.from + random.next() * Math.max(0, window.to - window.from);
  return officeHours(raw, window, random);
}

/**
 * A waiting time after `start` (exponential with `meanDays`), kept inside the window: when
 * the draw overshoots, a uniform time in what is left of the window is taken instead.
 */
export function timeAfter(start: number, meanDays: number, window: Window, random: SeededRandom) {
  const from = Math.max(start + HOUR, window.from);
  const drawn = from + random.exponential(meanDays * DAY);
  const at = drawn < window.to ? drawn : from + random.next() * Math.max(0, window.to - from);
  return officeHours(at, { from, to: window.to }, random);
}

/** Snaps to a minute within office hours of the same day, when that stays in the window. */
function officeHours(ms: number, window: Window, random: SeededRandom): number {
  const local = ms + MYT_OFFSET;
  const dayStart = local - (local % DAY) - MYT_OFFSET;
  const minuteOfDay = random.int(8 * 60, 17 * 60 + 59);
  const snapped = dayStart + minuteOfDay * MINUTE;
  if (snapped >= window.from && snapped < window.to) return snapped;
  return Math.floor(ms / MINUTE) * MINUTE;
}
