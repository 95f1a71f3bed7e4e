/**
 * Reads `If-Match`. Absent: the service may retry on conflict. `"<revision>"`: the caller
 * pins the revision it saw and gets 412 if the case moved on. `*` only requires the case to
 * exist (RFC 9110), which every command on an existing case does anyway: it is treated as
 * absent. Weak tags never match under If-Match's strong comparison, so they are refused.
 */
export type IfMatch =
  | { kind: 'absent' }
  | { kind: 'revision'; revision: number }
  | { kind: 'invalid' };

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '*') return { kind: 'absent' };
  const match = header.trim().match(/^"(\d{1,15})"$/);
  if (!match?.[1]) return { kind: 'invalid' };
  return { kind: 'revision', revision: Number(match[1]) };
}

export function etag(revision: number): string {
  return `"${revision}"`;
}
