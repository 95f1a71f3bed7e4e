/**
 * The guard every document passes before it leaves the process. The publisher cannot be
 * started without one. `createDenyListFilter` builds the usual guard from field names or
 * paths (the projector derives them from the domain's personal-data marks). A refusal names
 * the offending paths, never their values.
 */
import { PublicationFilterInvalidError } from './publication-errors.ts';

export type FilterVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export type PublicationTarget = { readonly kind: 'case' | 'stats'; readonly key: string };

export type PublicationFilter = (
  document: Readonly<Record<string, unknown>>,
  target: PublicationTarget,
) => FilterVerdict;

/** `$.person[0].fullName`, `person.*.fullName`, `person[].fullName` all become person.fullName. */
function segments(path: string): string[] {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[[^\]]*\]/g, '')
    .split('.')
    .filter((part) => part !== '' && part !== '*' && !/^\d+$/.test(part));
}

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > path.length) return false;
  const offset = path.length - suffix.length;
  return suffix.every((part, index) => path[offset + index] === part);
}

const maxReported = 20;

/**
 * A deny entry matches every document path ending with it: `fullName` refuses a `fullName`
 * key at any depth, `reporter.contact` only under a `reporter` object. Array indexes are
 * ignored. An empty list is refused: a guard that denies nothing is a mistake, not a policy.
 */
export function createDenyListFilter(denied: Iterable<string>): PublicationFilter {
  const entries = [...denied].map(segments).filter((entry) => entry.length > 0);
  if (entries.length === 0) {
    throw new PublicationFilterInvalidError('the deny list must name at least one field');
  }
  return (document) => {
    const found: string[] = [];
    const walk = (value: unknown, path: string[], shown: string[]): void => {
      if (found.length >= maxReported || value === null || typeof value !== 'object') return;
      const isArray = Array.isArray(value);
      for (const [key, child] of Object.entries(value)) {
        const nextPath = isArray ? path : [...path, key];
        const nextShown = [...shown, key];
        if (!isArray && entries.some((entry) => endsWith(nextPath, entry))) {
          found.push(nextShown.join('.'));
          continue;
        }
        walk(child, nextPath, nextShown);
      }
    };
    walk(document, [], []);
    if (found.length === 0) return { ok: true };
    return { ok: false, reason: `document carries denied field(s): ${found.join(', ')}` };
  };
}
