// The operators' console: reads /metrics every two seconds and turns counters into rates and
// histograms into percentiles (as Prometheus's rate() and histogram_quantile() do), lists the
// hottest inputs, and shows a result by key with a plot fitting its type (plots.js).
'use strict';

const SCRAPE_EVERY_MS = 2000;
const POINTS_KEPT = 150; // five minutes at one scrape every two seconds
const HOT_EVERY_MS = 10000;
const $ = (id) => document.getElementById(id);

const keyInput = $('api-key');
keyInput.value = sessionStorage.getItem('statstream-api-key') || '';
keyInput.addEventListener('change', () => sessionStorage.setItem('statstream-api-key', keyInput.value));

function call(path) {
  const headers = keyInput.value ? {Authorization: 'Bearer ' + keyInput.value} : {};
  return fetch(path, {headers});
}

function setStatus(text, isError) {
  $('status').textContent = text;
  $('status').classList.toggle('error', !!isError);
}

/** Prometheus text exposition → [{name, labels, value}]. */
function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    samples.push({name: m[1], labels, value: parseFloat(m[3])});
  }
  return samples;
}

// null when this /metrics has no such series: with the services apart, the worker's and the sink's
// meters are on their own listeners (Prometheus and Grafana see them; this page shows "–").
function sum(samples, name, where = () => true) {
  const found = samples.filter(s => s.name === name && where(s.labels));
  return found.length ? found.reduce((total, s) => total + s.value, 0) : null;
}
function max(samples, name, where = () => true) {
  const found = samples.filter(s => s.name === name && where(s.labels) && !isNaN(s.value));
  return found.length ? found.reduce((m, s) => Math.max(m, s.value), -Infinity) : null;
}

/** Cumulative bucket counts by upper bound, summed over every other label. */
function buckets(samples, name) {
  const byBound = new Map();
  for (const s of samples) {
    if (s.name !== name) continue;
    const le = s.labels.le === '+Inf' ? Infinity : parseFloat(s.labels.le);
    byBound.set(le, (byBound.get(le) || 0) + s.value);
  }
  return byBound;
}

/** A quantile of what was observed between two scrapes, interpolated inside its bucket (as histogram_quantile). */
function quantile(q, before, now) {
  const counts = [...now.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => [le, count - (before.get(le) || 0)]);
  const total = counts.length ? counts[counts.length - 1][1] : 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lower = 0, below = 0;
  for (const [le, count] of counts) {
    if (count >= rank) {
      if (le === Infinity) return lower;
      return lower + (le - lower) * (rank - below) / Math.max(count - below, 1e-9);
    }
    lower = le; below = count;
  }
  return lower;
}

const workerConsumer = (labels) => /worker/.test(labels.client_id || '') && !/restore-consumer/.test(labels.client_id || '');
const sinkConsumer = (labels) => /sink/.test(labels.client_id || '');

function readings(samples) {
  return {
    submissions: sum(samples, 'statstream_api_submissions_total'),
    hits: sum(samples, 'statstream_api_cache_total', l => l.result === 'hit'),
    cacheAnswers: sum(samples, 'statstream_api_cache_total'),
    computations: sum(samples, 'statstream_worker_compute_seconds_count'),
    stored: sum(samples, 'statstream_sink_stored_total'),
    deadLetters: sum(samples, 'statstream_worker_dead_letters_total'),
    waiting: sum(samples, 'statstream_api_waiting'),
    workerLag: max(samples, 'kafka_consumer_fetch_manager_records_lag_max', workerConsumer),
    sinkLag: max(samples, 'kafka_consumer_fetch_manager_records_lag_max', sinkConsumer),
    latency: buckets(samples, 'statstream_end_to_end_latency_seconds_bucket'),
    routes: samples.filter(s => s.name === 'vertx_http_server_requests_total'),
    routeLatency: samples.filter(s => s.name === 'vertx_http_server_response_time_seconds_bucket'),
  };
}

function chart(id, series) {
  const element = $(id);
  const data = [[], ...series.map(() => [])];
  const plot = new uPlot({
    width: Math.max(element.clientWidth, 300), height: 200,
    series: [{}, ...series.map(([label, stroke]) => ({label, stroke, width: 2, spanGaps: false}))],
    axes: [{}, {size: 60}],
  }, data, element);
  return {
    push(time, values) {
      data[0].push(time);
      values.forEach((v, i) => data[i + 1].push(v));
      if (data[0].length > POINTS_KEPT) data.forEach(column => column.shift());
      plot.setData(data);
      // For people and for the browser test: how many points of the first series hold a number.
      element.dataset.points = data[1].filter(v => v !== null && !isNaN(v)).length;
    },
  };
}

const charts = {
  throughput: chart('chart-throughput', [['submissions', '#0b5cad'], ['from the store', '#2e9e5b'], ['computed', '#d9822b'], ['stored', '#7a4fb5']]),
  latency: chart('chart-latency', [['p50', '#0b5cad'], ['p99', '#c23b22']]),
  lag: chart('chart-lag', [['worker', '#d9822b'], ['sink', '#7a4fb5']]),
};

const format = (value, digits = 1) => value === null || isNaN(value) ? '–' : value.toLocaleString(undefined, {maximumFractionDigits: digits});
let previous = null;

async function scrape() {
  let response;
  try {
    response = await call('/metrics');
  } catch (e) {
    setStatus('the API does not answer', true);
    return;
  }
  if (response.status === 401 || response.status === 403) {
    setStatus('/metrics needs an admin key: enter one above', true);
    return;
  }
  if (!response.ok) {
    setStatus('/metrics answered ' + response.status, true);
    return;
  }
  const now = {time: Date.now() / 1000, ...readings(parseMetrics(await response.text()))};
  setStatus('updated ' + new Date().toLocaleTimeString());
  if (previous) show(previous, now);
  previous = now;
}

function show(before, now) {
  const seconds = now.time - before.time;
  // A counter that went back (a restart) or is missing gives no rate, not a negative one.
  const rate = (field) => now[field] === null || before[field] === null || now[field] < before[field]
    ? null : (now[field] - before[field]) / seconds;
  const answers = now.cacheAnswers - before.cacheAnswers;
  const p50 = quantile(0.5, before.latency, now.latency);
  const p99 = quantile(0.99, before.latency, now.latency);
  $('t-submissions').textContent = format(rate('submissions'));
  $('t-hit-ratio').textContent = answers > 0 && now.hits >= before.hits ? format(100 * (now.hits - before.hits) / answers, 0) + ' %' : '–';
  $('t-computations').textContent = format(rate('computations'));
  $('t-latency').textContent = p50 === null ? '–' : format(p50 * 1000) + ' / ' + format(p99 * 1000) + ' ms';
  $('t-pending').textContent = format(now.workerLag, 0);
  $('t-sink-lag').textContent = format(now.sinkLag, 0);
  $('t-dead-letters').textContent = format(now.deadLetters, 0);
  $('t-waiting').textContent = format(now.waiting, 0);
  charts.throughput.push(now.time, [rate('submissions'), rate('hits'), rate('computations'), rate('stored')]);
  charts.latency.push(now.time, [p50 === null ? null : p50 * 1000, p99 === null ? null : p99 * 1000]);
  charts.lag.push(now.time, [now.workerLag, now.sinkLag]);
  showRoutes(before, now, seconds);
}

function showRoutes(before, now, seconds) {
  const id = (l) => [l.method, l.route, l.code].join(' ');
  const earlier = new Map(before.routes.map(s => [id(s.labels), s.value]));
  const rows = now.routes
    .filter(s => s.labels.route && earlier.has(id(s.labels))) // a series new since the last scrape has no rate yet
    .map(s => ({labels: s.labels, rate: Math.max(0, s.value - earlier.get(id(s.labels))) / seconds}))
    .sort((a, b) => b.rate - a.rate);
  const tbody = document.querySelector('#routes tbody');
  tbody.replaceChildren(...rows.map(({labels, rate}) => {
    const p99 = quantile(0.99, routeBuckets(before, labels), routeBuckets(now, labels));
    return row([labels.method, labels.route, labels.code, format(rate), p99 === null ? '–' : format(p99 * 1000)]);
  }));
}

function routeBuckets(reading, labels) {
  return buckets(reading.routeLatency.filter(s => s.labels.route === labels.route && s.labels.method === labels.method
    && s.labels.code === labels.code), 'vertx_http_server_response_time_seconds_bucket');
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (cell instanceof Node) td.append(cell); else td.textContent = cell;
    tr.append(td);
  }
  return tr;
}

const knownRequests = new Map(); // key → request, from the hot list: a plot may need the input

async function refreshHot() {
  const response = await call('/v1/analyses/hot?top=10').catch(() => null);
  if (!response || !response.ok) return;
  const {inputs} = await response.json();
  const tbody = document.querySelector('#hot tbody');
  tbody.replaceChildren(...inputs.map(({key, request}) => {
    knownRequests.set(key, request);
    const link = document.createElement('a');
    link.textContent = key;
    link.href = '#key=' + key;
    const tr = row([request.type, link]);
    tr.cells[1].className = 'key';
    return tr;
  }));
}

async function showResult(key) {
  $('result-key').value = key;
  if (!knownRequests.has(key)) await refreshHot(); // it may have become hot since the list was read
  const response = await call('/v1/analyses/' + key);
  const body = await response.json();
  $('result-envelope').textContent = JSON.stringify(body, null, 2);
  const plot = $('result-plot');
  plot.replaceChildren();
  if (response.status === 200 && body.status === 'done') {
    const figure = statstreamPlots.plotFor(body.type, body.result, knownRequests.get(key));
    if (figure) plot.append(figure);
  }
}

$('result-form').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = 'key=' + $('result-key').value.trim();
});
function showResultInHash() {
  const match = location.hash.match(/key=([0-9a-f]{64})/);
  if (match) showResult(match[1]);
}
window.addEventListener('hashchange', showResultInHash);

// Each read starts when the last one ended: two reads in flight could land out of order.
function every(ms, read) {
  const next = () => read().catch(() => {}).finally(() => setTimeout(next, ms));
  next();
}
every(SCRAPE_EVERY_MS, scrape);
refreshHot().then(showResultInHash).finally(() => setTimeout(() => every(HOT_EVERY_MS, refreshHot), HOT_EVERY_MS));
