/**
 * Adapts JSON-path lists (`$.person.fullName`, `$.contacts[*].phone`: the form the domain's
 * schema marks produce) to the vault's FieldPath segments (`['contacts', '*', 'phone']`).
 * Only the subset personal marks need is accepted; anything else is refused rather than
 * guessed, because a mis-read path would leave a personal field unsealed.
 */
import { FIELD_PATH_WILDCARD, type FieldPath, type PersonalPaths } from './field-path.ts';

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[\*\]|\['((?:[^'\\]|\\.)*)'\])/;

/** `$.a.b[*].c` -> `['a', 'b', '*', 'c']`; throws on anything outside that subset. */
export function fieldPathFromJsonPath(jsonPath: string): FieldPath {
  if (!jsonPath.startsWith('$'))
    throw new TypeError(`not a JSON path (must start with $): ${jsonPath}`);
  const segments: string[] = [];
  let rest = jsonPath.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) throw new TypeError(`unsupported JSON path segment in ${jsonPath} at "${rest}"`);
    segments.push(
      match[1] ?? (match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : FIELD_PATH_WILDCARD),
    );
    rest = rest.slice(match[0].length);
  }
  if (segments.length === 0) throw new TypeError(`a JSON path must name a field: ${jsonPath}`);
  return segments;
}

/**
 * Wraps a function listing JSON paths per event type as the vault's PersonalPaths, parsing
 * each event type's list once (schemas do not change while the process runs).
 */
export function personalPathsFromJsonPaths(
  listJsonPaths: (eventType: string) => readonly string[],
): PersonalPaths {
  const cache = new Map<string, readonly FieldPath[]>();
  return (eventType) => {
    let paths = cache.get(eventType);
    if (!paths) {
      paths = listJsonPaths(eventType).map(fieldPathFromJsonPath);
      cache.set(eventType, paths);
    }
    return paths;
  };
}
