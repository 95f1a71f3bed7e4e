/**
 * The names of every field the domain marks personal, derived from the event schemas' marks
 * (never a hand-kept list). Publication refuses any document carrying a key of one of these
 * names at any depth: stricter than the paths themselves, so a personal value copied under
 * another parent is still caught.
 */
import { caseEventTypes, personalPaths } from '@casetrail/domain';

export function personalFieldNames(): string[] {
  const names = new Set<string>();
  for (const type of caseEventTypes) {
    for (const path of personalPaths(type)) {
      const last = path
        .replace(/\[\*\]/g, '')
        .split('.')
        .at(-1);
      if (last && last !== '$') names.add(last);
    }
  }
  return [...names].sort();
}
