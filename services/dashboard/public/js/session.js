/**
 * The signed-in agency: its bearer token, kept in sessionStorage (gone when the tab closes).
 * The token's claims are read only to show who is signed in; the engine verifies it.
 */
const KEY = 'casetrail.token';

export function currentSession() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return { token, agency: claims.agency ?? '?', sub: claims.sub ?? '?', exp: claims.exp };
}

export function signIn(token) {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const claims = claimsOf(trimmed);
  if (!claims?.agency)
    throw new Error('that does not look like a casetrail token (no agency claim)');
  sessionStorage.setItem(KEY, trimmed);
  return currentSession();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

function claimsOf(token) {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json);
  } catch {
    return null;
  }
}
