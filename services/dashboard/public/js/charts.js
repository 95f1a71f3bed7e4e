/**
 * The charts, drawn with Chart.js (served by the engine from node_modules, no CDN): cases by
 * stage over time, by destination country, by report source, and the classification with
 * the reclassification share. Each canvas also carries the total it shows (data-total), so a
 * test can check a chart against the API without reading pixels.
 */
import { $ } from './dom.js';
import { countryNames, percent, sourceNames } from './format.js';

const colours = {
  tracked: '#d9822b',
  rescued: '#8e44ad',
  home: '#2e8b57',
  closed: '#7f8c8d',
  palette: [
    '#0b5cad',
    '#d9822b',
    '#2e8b57',
    '#8e44ad',
    '#c0392b',
    '#16a085',
    '#7f8c8d',
    '#f1c40f',
    '#34495e',
  ],
};

export function createCharts() {
  const { Chart } = window;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  const stage = (label, colour) => ({
    label,
    data: [],
    borderColor: colour,
    backgroundColor: `${colour}99`,
    fill: true,
    pointRadius: 2,
    tension: 0.2,
  });
  const stages = new Chart($('#chart-stages'), {
    type: 'line',
    data: {
      labels: [],
      datasets: [
        stage('returned home', colours.home),
        stage('rescued, awaiting return', colours.rescued),
        stage('being tracked', colours.tracked),
        stage('closed', colours.closed),
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: 'people' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  const country = new Chart($('#chart-country'), {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{ label: 'people', data: [], backgroundColor: colours.palette[0] }],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true } },
    },
  });
  const source = new Chart($('#chart-source'), {
    type: 'doughnut',
    data: { labels: [], datasets: [{ data: [], backgroundColor: colours.palette }] },
    options: { plugins: { legend: { position: 'right' } } },
  });
  const classification = new Chart($('#chart-classification'), {
    type: 'doughnut',
    data: {
      labels: [],
      datasets: [
        { data: [], backgroundColor: ['#0b5cad', '#16a085', '#c0392b', '#e67e22', '#f1c40f'] },
      ],
    },
    options: { plugins: { legend: { position: 'right' } } },
  });

  return {
    showSummary(summary) {
      setBars(country, sorted(summary.byCountry), countryNames);
      setBars(source, sorted(summary.byReportSource), sourceNames);
      const c = summary.classification;
      const roles = summary.reclassifiedByRole;
      const slices = [
        ['presumed victim', c.presumedVictim],
        ['confirmed victim', c.confirmedVictim],
        ...Object.entries(roles).map(([role, value]) => [`reclassified: ${role}`, value]),
      ];
      classification.data.labels = slices.map(([label]) => label);
      classification.data.datasets[0].data = slices.map(([, value]) => value);
      classification.update();
      classification.canvas.dataset.total = String(
        slices.reduce((sum, [, value]) => sum + value, 0),
      );
      $('#reclass-share').textContent = percent(summary.reclassifiedShareOfAffected);
    },
    showSeries(points) {
      stages.data.labels = points.map((point) => point.label);
      const pick = (key) => points.map((point) => point.summary.whereabouts[key]);
      stages.data.datasets[0].data = pick('returnedHome');
      stages.data.datasets[1].data = pick('rescuedAwaitingReturn');
      stages.data.datasets[2].data = pick('beingTracked');
      stages.data.datasets[3].data = pick('closed');
      stages.update();
      const last = points.at(-1);
      stages.canvas.dataset.total = String(last ? last.summary.affected : 0);
      stages.canvas.dataset.points = String(points.length);
    },
  };
}

function sorted(record) {
  return Object.entries(record).sort(([, a], [, b]) => b - a);
}

function setBars(chart, entries, names) {
  chart.data.labels = entries.map(([key]) => names[key] ?? key);
  chart.data.datasets[0].data = entries.map(([, value]) => value);
  chart.update();
  chart.canvas.dataset.total = String(entries.reduce((sum, [, value]) => sum + value, 0));
}
