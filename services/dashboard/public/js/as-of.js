/**
 * The as-of control: a day (the end of it, Malaysia time) or "now", and the time axis:
 * business time (what had happened by then) or store time (what had been recorded by then).
 * Moving it moves the whole page: figures, charts and the case view.
 */
import { $ } from './dom.js';
import { longDate } from './format.js';

const START = '2020-01-01';
const DAY_MS = 86_400_000;

export function todayInMalaysia() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function dayIndex(day) {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${START}T00:00:00Z`)) / DAY_MS);
}

function dayAt(index) {
  return new Date(Date.parse(`${START}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
}

export function asOfControl({ onChange }) {
  const date = $('#as-of-date');
  const slider = $('#as-of-slider');
  const axis = $('#time-axis');
  const live = $('#as-of-live');
  const label = $('#as-of-label');
  const presets = [...document.querySelectorAll('[data-preset]')];
  const today = todayInMalaysia();
  date.max = today;
  slider.max = String(dayIndex(today));
  let state = { asOf: null, time: 'occurred' };

  const render = () => {
    const day = state.asOf ?? today;
    date.value = day;
    slider.value = String(dayIndex(day));
    axis.value = state.time;
    live.classList.toggle('active', state.asOf === null);
    for (const preset of presets)
      preset.classList.toggle('active', preset.dataset.preset === state.asOf);
    label.textContent = state.asOf
      ? `figures as of the end of ${longDate(state.asOf)} (Malaysia time), by ${state.time === 'occurred' ? 'business' : 'store'} time`
      : 'live figures: everything recorded so far';
    document.body.dataset.asOf = state.asOf ?? 'live';
    document.body.dataset.time = state.time;
  };
  const set = (next) => {
    state = { ...state, ...next };
    render();
    onChange(state);
  };

  slider.addEventListener('input', () => {
    date.value = dayAt(Number(slider.value));
  });
  slider.addEventListener('change', () => set({ asOf: dayAt(Number(slider.value)) }));
  date.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) set({ asOf: date.value });
  });
  axis.addEventListener('change', () => set({ time: axis.value }));
  live.addEventListener('click', () => set({ asOf: null }));
  for (const preset of presets)
    preset.addEventListener('click', () => set({ asOf: preset.dataset.preset }));
  render();
  return {
    get state() {
      return state;
    },
  };
}
