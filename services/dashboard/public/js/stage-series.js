/**
 * The "cases by stage over time" series: the national summary at the end of every quarter
 * from 2020 up to the as-of day, then the as-of moment itself. Each point is one call to
 * /v1/stats/national?asOf=...; past points are cached and refreshed at most every 15 s while
 * live updates arrive, so a busy engine is not asked the same question over and over.
 */
import { nationalSummary } from './api.js';
import { todayInMalaysia } from './as-of.js';

const REFRESH_MS = 15_000;
const PARALLEL = 4;

export function stageSeries() {
  const cache = new Map();
  let staleSince = null;

  return {
    /** Marks cached points stale (something was recorded). */
    invalidate() {
      staleSince ??= Date.now();
    },
    async points({ asOf, time }, current) {
      if (staleSince !== null && Date.now() - staleSince >= REFRESH_MS) {
        cache.clear();
        staleSince = null;
      }
      const end = asOf ?? todayInMalaysia();
      const days = quarterEnds(end);
      const missing = days.filter((day) => !cache.has(`${day}|${time}`));
      for (let i = 0; i < missing.length; i += PARALLEL) {
        await Promise.all(
          missing.slice(i, i + PARALLEL).map(async (day) => {
            cache.set(`${day}|${time}`, await nationalSummary({ asOf: day, time }));
          }),
        );
      }
      const points = days.map((day) => ({
        label: quarterLabel(day),
        summary: cache.get(`${day}|${time}`),
      }));
      points.push({ label: asOf ? asOf : 'now', summary: current });
      return points;
    },
  };
}

function quarterEnds(until) {
  const days = [];
  for (let year = 2020; year <= Number(until.slice(0, 4)); year += 1) {
    for (const end of ['03-31', '06-30', '09-30', '12-31']) {
      const day = `${year}-${end}`;
      if (day < until) days.push(day);
    }
  }
  return days;
}

function quarterLabel(day) {
  const quarter = { '03': 'Q1', '06': 'Q2', '09': 'Q3', 12: 'Q4' }[day.slice(5, 7)];
  return `${day.slice(0, 4)} ${quarter}`;
}
