/**
 * The case view for auditors: the case summary, the integrity of its stream, the timeline
 * (who did what when, and the state after each step) and, for agencies allowed to read it,
 * the personal data; auditors see it masked, others not at all. The API decides who sees
 * what; the page only shows what it is given, as text.
 */
import { ApiError, getJson } from './api.js';
import { $, clear, h } from './dom.js';
import { agencyNames, countryNames, dateTime, longDate, sourceNames } from './format.js';

export async function renderCase(caseId, { asOf, time }, session) {
  $('#case-id').textContent = caseId;
  $('#case-error').textContent = '';
  const id = encodeURIComponent(caseId);
  const query = new URLSearchParams();
  if (asOf) query.set('asOf', `${asOf}T23:59:59+08:00`);
  query.set('time', time);
  const [found, verification, history] = await Promise.allSettled([
    getJson(`/v1/cases/${id}`, { purpose: 'dashboard case view' }),
    getJson(`/v1/cases/${id}/verification`),
    getJson(`/v1/cases/${id}/history?${query}`),
  ]);
  if (found.status === 'rejected') {
    $('#case-error').textContent = found.reason.message;
    clear($('#case-summary'));
  } else {
    renderSummary(found.value.summary ?? found.value);
    renderPersonal(found.value.personalData, session);
  }
  renderIntegrity(verification);
  renderTimeline(history, { asOf, time });
}

function renderSummary(s) {
  const c = s.classification ?? {};
  const rows = [
    ['status', s.status === 'closed' ? `closed (${s.closure?.reason ?? '?'})` : 'open'],
    ['whereabouts', s.stage ?? s.whereabouts],
    ['last known country', countryNames[s.lastKnownCountry] ?? s.lastKnownCountry],
    ['classification', [c.status, c.role, c.basis].filter(Boolean).join(' · ')],
    [
      'legal',
      [
        s.legal?.status,
        ...(s.legal?.prosecutions ?? []).map(
          (p) => `${p.courtReference} ${p.outcome ?? 'pending'}`,
        ),
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    [
      'reported',
      `${s.stages?.reportedAt ? longDate(s.stages.reportedAt) : '–'} by ${agencyNames[s.reportedBy] ?? s.reportedBy} (source: ${sourceNames[s.reportSource] ?? s.reportSource})`,
    ],
    ['lead agency', agencyNames[s.leadAgency] ?? s.leadAgency],
    ['agencies involved', (s.agenciesInvolved ?? []).map((a) => agencyNames[a] ?? a).join(', ')],
    ['duplicate of', s.duplicateOf],
    ['personal data', s.personalData],
  ];
  const list = clear($('#case-summary'));
  for (const [term, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    list.append(h('dt', {}, term), h('dd', { 'data-field': term }, String(value)));
  }
}

function renderPersonal(personalData, session) {
  const section = $('#case-personal');
  const body = clear($('#case-personal-body'));
  const agency = agencyNames[session.agency] ?? session.agency;
  if (!personalData) {
    section.dataset.personal = 'hidden';
    body.append(h('p', {}, `Personal data is not shown: ${agency} may not read it.`));
    return;
  }
  section.dataset.personal = personalData.access;
  body.append(
    h(
      'p',
      { class: 'note' },
      personalData.access === 'masked'
        ? `${agency} sees that personal fields exist, not their values.`
        : `Shown to ${agency} for this case view; the read is written to the access log.`,
    ),
  );
  for (const record of personalData.records ?? []) {
    body.append(
      h(
        'div',
        { class: 'personal-record' },
        h(
          'h3',
          {},
          `${record.type} · ${dateTime(record.occurredAt)} · ${agencyNames[record.recordedBy] ?? record.recordedBy}`,
        ),
        h(
          'dl',
          { class: 'case-summary' },
          ...record.fields.flatMap((f) => [
            h('dt', {}, f.field),
            h('dd', { 'data-personal-field': f.field }, display(f.value)),
          ]),
        ),
      ),
    );
  }
}

function display(value) {
  if (value === null || value === undefined) return '(erased)';
  if (typeof value !== 'object') return String(value);
  if (value.$masked) return '••••';
  if (value.$erased) return '(erased)';
  return Object.entries(value)
    .map(([key, inner]) => `${key}: ${display(inner)}`)
    .join(', ');
}

function renderIntegrity(result) {
  const badge = $('#case-integrity');
  if (result.status === 'rejected') {
    badge.dataset.integrity = 'unavailable';
    badge.textContent =
      result.reason instanceof ApiError && result.reason.status === 403
        ? 'integrity: for auditors'
        : 'integrity: not available';
    return;
  }
  const v = result.value;
  badge.dataset.integrity = v.ok ? 'ok' : 'tampered';
  badge.textContent = v.ok
    ? `✓ hash chain intact (${events(v.eventsChecked)} checked)`
    : `✗ altered after recording${v.firstBadEvent ? `: first bad event at revision ${v.firstBadEvent.revision}` : ''}`;
}

function renderTimeline(result, { asOf, time }) {
  const table = $('#case-timeline');
  const body = clear($('#case-timeline tbody'));
  const note = $('#timeline-note');
  table.hidden = result.status === 'rejected';
  if (result.status === 'rejected') {
    const forbidden = result.reason instanceof ApiError && result.reason.status === 403;
    note.textContent = forbidden
      ? 'replaying a case history is for auditors: sign in as Auditor'
      : result.reason.message;
    return;
  }
  const entries = entriesOf(result.value);
  note.textContent = asOf
    ? `as of ${longDate(asOf)} by ${time === 'occurred' ? 'business' : 'store'} time: ${events(entries.length)}`
    : events(entries.length);
  for (const e of entries) {
    body.append(
      h(
        'tr',
        { 'data-revision': e.revision },
        h('td', { class: 'num' }, e.revision),
        h('td', {}, dateTime(e.occurredAt)),
        h('td', {}, dateTime(e.recordedAt)),
        h('td', {}, h('strong', {}, e.type), h('div', { class: 'detail' }, e.detail)),
        h('td', {}, `${agencyNames[e.agency] ?? e.agency ?? '?'} (${e.sub ?? '?'})`),
        h('td', { class: 'state' }, e.state),
        h('td', {}, h('code', { title: e.hash ?? '' }, (e.hash ?? '').slice(0, 12))),
      ),
    );
  }
}

/** History entries, whichever way the API spells them. */
function entriesOf(history) {
  const list = Array.isArray(history) ? history : (history.events ?? history.entries ?? []);
  return list.map((e) => {
    const actor = e.actor ?? e.recordedBy ?? e.metadata?.actor ?? {};
    const state = e.stateAfter ?? e.state ?? e.caseState ?? {};
    return {
      revision: e.revision,
      type: e.type,
      occurredAt: e.occurredAt ?? e.metadata?.occurredAt,
      recordedAt: e.recordedAt,
      agency: actor.agency,
      sub: actor.sub,
      hash: e.hash,
      state: stateText(state),
      detail: detailOf(e.data ?? {}),
    };
  });
}

function stateText(state) {
  const stage = state.stage ?? state.whereabouts?.stage;
  const classification = state.classification?.status ?? state.classification;
  const legal = state.legal?.status ?? state.legal;
  return [state.status, stage, classification, legal]
    .filter((part) => typeof part === 'string')
    .join(' · ');
}

/** What was recorded, in one short line: personal fields show as the API gives them. */
function detailOf(data) {
  const text = Object.entries(data)
    .map(([key, value]) => `${key}: ${display(value)}`)
    .join('; ');
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function events(n) {
  return `${n} event${n === 1 ? '' : 's'}`;
}
