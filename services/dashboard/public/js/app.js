/**
 * The dashboard page: signs in, shows the national summary (overview) or one case (case
 * view, `#/case/<id>`), follows the live feed, and moves everything with the as-of control.
 * Every figure comes from the HTTP API; the page computes none of its own except checking
 * that the parts it is shown add up.
 */
import { activityList } from './activity.js';
import { nationalSummary, whenSignedOut } from './api.js';
import { asOfControl } from './as-of.js';
import { renderCase } from './case-view.js';
import { createCharts } from './charts.js';
import { $, show } from './dom.js';
import { agencyNames } from './format.js';
import { followLive } from './live.js';
import { currentSession, signOut } from './session.js';
import { renderSignIn } from './sign-in.js';
import { stageSeries } from './stage-series.js';
import { renderSummary } from './summary-view.js';

let session = currentSession();
let charts;
let stopLive;
let refreshTimer;
let loading = 0;
const series = stageSeries();
const activity = activityList();
const control = asOfControl({ onChange: () => refresh() });

function route() {
  const match = location.hash.match(/^#\/case\/([0-9A-Za-z]+)$/);
  return match ? { view: 'case', caseId: match[1] } : { view: 'overview' };
}

async function refresh() {
  if (!session) return;
  const ticket = ++loading;
  const where = route();
  show($('#overview'), where.view === 'overview');
  show($('#case-view'), where.view === 'case');
  document.body.dataset.view = where.view;
  try {
    if (where.view === 'case') {
      await renderCase(where.caseId, control.state, session);
    } else {
      await refreshOverview(ticket);
    }
    $('#load-error').textContent = '';
  } catch (error) {
    $('#load-error').textContent = `Could not load the figures: ${error.message}`;
  }
}

async function refreshOverview(ticket) {
  const moment = control.state;
  const summary = await nationalSummary(moment);
  if (ticket !== loading) return;
  charts ??= createCharts();
  renderSummary(summary, moment);
  charts.showSummary(summary);
  const points = await series.points(moment, summary);
  if (ticket !== loading) return;
  charts.showSeries(points);
  document.body.dataset.loaded = String(ticket);
}

/** Live updates come in bursts (a seed records thousands): refresh at most every 400 ms. */
function scheduleRefresh() {
  series.invalidate();
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    refresh();
  }, 400);
}

function onLiveEvent(type, data) {
  if (type === 'hello') activity.reset(data.recent ?? []);
  if (type === 'case') {
    activity.add(data);
    const where = route();
    if (where.view === 'overview' || where.caseId === data.caseId) scheduleRefresh();
  }
  if (type === 'stats' || type === 'resync') scheduleRefresh();
}

function setLive(on) {
  const badge = $('#live-status');
  badge.dataset.live = on ? 'on' : 'off';
  badge.textContent = on ? 'live' : 'live: off';
}

function signedIn(next) {
  session = next;
  show($('#sign-in'), false);
  show($('#as-of'), true);
  show($('#sign-out'), true);
  const who = $('#who');
  who.textContent = `${agencyNames[session.agency] ?? session.agency} · ${session.sub}`;
  who.dataset.agency = session.agency;
  stopLive?.();
  stopLive = followLive({ onEvent: onLiveEvent, onStatus: setLive });
  refresh();
}

function signedOut(reason) {
  session = null;
  stopLive?.();
  stopLive = undefined;
  for (const id of ['#overview', '#case-view', '#as-of', '#sign-out']) show($(id), false);
  $('#who').textContent = '';
  $('#who').dataset.agency = '';
  show($('#sign-in'), true);
  if (reason) $('#sign-in-error').textContent = `Signed out: ${reason.message}`;
  renderSignIn({ onSignedIn: signedIn });
}

$('#sign-out').addEventListener('click', () => {
  signOut();
  signedOut();
});
$('#case-lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = $('#case-id-input').value.trim();
  if (id) location.hash = `#/case/${id}`;
});
window.addEventListener('hashchange', () => refresh());
whenSignedOut((reason) => signedOut(reason));

if (session) signedIn(session);
else signedOut();
