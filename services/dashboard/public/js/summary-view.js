/**
 * The national summary as the ministry would present it: the headline figures, the answer in
 * one sentence, and the proof that the parts add up to the totals (from the summary's own
 * `check`, recomputed on the page too, so a wrong sum cannot hide behind a green tick).
 */
import { $, clear, h } from './dom.js';
import { count, longDate, pathName, percent } from './format.js';

export function renderSummary(summary, { asOf, time }) {
  const w = summary.whereabouts;
  const figures = {
    affected: count(summary.affected),
    returnedHome: count(w.returnedHome),
    beingTracked: count(w.beingTracked),
    rescuedAwaitingReturn: count(w.rescuedAwaitingReturn),
    closed: count(w.closed),
    prosecuted: count(summary.legal.prosecuted),
    reclassifiedShare: percent(summary.reclassifiedShareOfAffected),
    duplicatesExcluded: count(summary.duplicatesExcluded),
  };
  for (const [name, text] of Object.entries(figures)) {
    for (const element of document.querySelectorAll(`[data-figure="${name}"]`))
      element.textContent = text;
  }
  $('#answer-title').textContent = asOf
    ? `National summary as of ${longDate(asOf)}`
    : 'National summary (live)';
  $('#answer-sentence').textContent = sentence(summary, { asOf, time });
  renderCheck(summary.check);
  document.body.dataset.position = String(summary.position ?? 'empty');
}

function sentence(s, { asOf, time }) {
  const w = s.whereabouts;
  const when = asOf ? `As of ${longDate(asOf)}` : 'As of now';
  const verb = asOf && time === 'recorded' ? 'the engine had recorded' : 'there have been';
  const parts = [
    `${count(w.returnedHome)} rescued and returned home`,
    `${count(w.beingTracked)} still being tracked`,
  ];
  if (w.rescuedAwaitingReturn > 0)
    parts.push(`${count(w.rescuedAwaitingReturn)} rescued and awaiting return`);
  if (w.closed > 0) parts.push(`${count(w.closed)} cases closed`);
  const share = s.reclassifiedShareOfAffected;
  const tail =
    s.affected === 0
      ? ''
      : ` ${count(s.legal.prosecuted)} prosecuted; ${percent(share)} of those affected were reclassified as operators, sponsors or otherwise involved.`;
  return `${when}, ${verb} ${count(s.affected)} Malaysians affected since 2020: ${parts.join(', ')}.${tail}`;
}

function renderCheck(check) {
  const body = clear($('#check-table tbody'));
  let allAddUp = true;
  for (const relation of check.relations) {
    const sum = relation.parts.reduce((total, part) => total + part.value, 0);
    const addsUp = sum === relation.total.value && relation.addsUp;
    allAddUp &&= addsUp;
    const parts =
      relation.parts.length === 0
        ? '(none)'
        : relation.parts.map((p) => `${pathName(p.path)} ${count(p.value)}`).join(' + ');
    body.append(
      h(
        'tr',
        { 'data-relation': relation.relation, 'data-adds-up': String(addsUp) },
        h('td', {}, relation.relation),
        h(
          'td',
          { class: 'num' },
          `${pathName(relation.total.path)} ${count(relation.total.value)}`,
        ),
        h('td', {}, parts),
        h('td', { class: 'num' }, count(sum)),
        h(
          'td',
          { class: addsUp ? 'mark-ok' : 'mark-bad' },
          addsUp ? '✓ adds up' : '✗ does not add up',
        ),
      ),
    );
  }
  const verdict = $('#check-verdict');
  verdict.dataset.addsUp = String(allAddUp && check.addsUp);
  verdict.textContent =
    allAddUp && check.addsUp ? '✓ every part adds up' : '✗ some parts do not add up';
}
