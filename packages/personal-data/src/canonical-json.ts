/**
 * Canonical JSON for hashing: object keys sorted at every depth, no whitespace, `undefined`
 * members dropped (as JSON.stringify does). Two equal values always give the same text, so a
 * hash chain verifies on any machine. Refuses values JSON cannot carry faithfully.
 * Same key order (UTF-16 code units) as @casetrail/event-store's RFC 8785 encoder; kept here
 * for the access log's flat string records so this package needs no event-store dependency.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError('canonical JSON cannot carry a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot carry a ${typeof value}`);
}
