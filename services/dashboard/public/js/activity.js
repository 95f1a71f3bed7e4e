/**
 * Live activity: the latest change of each case as the projector reports it (no personal
 * data: stage, classification, legal standing, country). Newest first; each links to the
 * case view.
 */
import { $, clear, h } from './dom.js';
import { countryNames, dateTime } from './format.js';

const KEEP = 40;

export function activityList() {
  const list = $('#activity');
  const item = (update, fresh) =>
    h(
      'li',
      { 'data-case-id': update.caseId, class: fresh ? 'fresh' : undefined },
      h('time', { datetime: update.updatedAt }, dateTime(update.updatedAt).slice(11) || '–'),
      h('a', { href: `#/case/${update.caseId}` }, h('code', {}, update.caseId)),
      h(
        'span',
        {},
        [
          update.status === 'closed' ? 'closed' : update.stage,
          update.classification.replace('_', ' '),
          update.legal === 'none' ? null : update.legal,
          countryNames[update.country] ?? update.country,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
  return {
    reset(recent) {
      clear(list).append(...recent.slice(0, KEEP).map((update) => item(update, false)));
    },
    add(update) {
      list.querySelector(`[data-case-id="${CSS.escape(update.caseId)}"]`)?.remove();
      const entry = item(update, true);
      list.prepend(entry);
      setTimeout(() => entry.classList.remove('fresh'), 4000);
      while (list.children.length > KEEP) list.lastElementChild?.remove();
    },
  };
}
