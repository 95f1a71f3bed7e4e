/**
 * Reads the casetrail HTTP API with the signed-in agency's token. Problems (RFC 9457) become
 * ApiError with the status and the server's own words; a 401 signs the page out.
 */
import { currentSession, signOut } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let onSignedOut = () => {};
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function getJson(path, { purpose } = {}) {
  const session = currentSession();
  const headers = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (purpose) headers['x-purpose'] = purpose;
  const response = await fetch(path, { headers });
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (response.status === 401) {
    signOut();
    onSignedOut(new ApiError(401, body));
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = safeJson(await response.text());
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer;
}

/** The national summary, live (asOf null) or as of the end of a day in Malaysia time. */
export function nationalSummary({ asOf, time }) {
  const query = new URLSearchParams();
  if (asOf) {
    query.set('asOf', asOf.length === 10 ? `${asOf}T23:59:59+08:00` : asOf);
    query.set('time', time);
  }
  const suffix = query.size > 0 ? `?${query}` : '';
  return getJson(`/v1/stats/national${suffix}`);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
