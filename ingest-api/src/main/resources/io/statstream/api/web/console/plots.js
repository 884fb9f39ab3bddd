// A plot fitting an analysis's type, drawn as SVG from its result (and its request when the
// console knows it): estimates with their intervals, group means, a fitted line and its
// residuals, or the table a test was run on. Every plot says in its title what it shows.
'use strict';

const statstreamPlots = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 460, ROW = 26, MARGIN = {left: 120, right: 20, top: 28, bottom: 30};

  function element(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scale(values, from, to) {
    let lo = Math.min(...values), hi = Math.max(...values);
    if (lo === hi) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.05;
    lo -= pad; hi += pad;
    const f = (v) => from + (v - lo) * (to - from) / (hi - lo);
    f.ticks = [lo + pad, (lo + hi) / 2, hi - pad];
    return f;
  }

  function frame(title, height) {
    const svg = element('svg', {width: WIDTH, height, class: 'result-plot', role: 'img', 'aria-label': title});
    svg.append(element('text', {x: 8, y: 16, 'font-weight': 'bold', 'font-size': 12}, title));
    return svg;
  }

  function xAxis(svg, x, y) {
    for (const t of x.ticks) {
      svg.append(element('text', {x: x(t), y: y + 16, 'font-size': 10, 'text-anchor': 'middle'}, t.toPrecision(3)));
    }
  }

  /** Rows of estimate and interval (or ± error), with a reference line (0, μ) when there is one. */
  function intervals(title, rows, reference) {
    const height = MARGIN.top + rows.length * ROW + MARGIN.bottom;
    const svg = frame(title, height);
    const values = rows.flatMap(r => [r.low, r.high, r.estimate]).concat(reference === undefined ? [] : [reference]);
    const x = scale(values, MARGIN.left, WIDTH - MARGIN.right);
    const bottom = height - MARGIN.bottom;
    if (reference !== undefined) {
      svg.append(element('line', {x1: x(reference), x2: x(reference), y1: MARGIN.top - 4, y2: bottom, stroke: '#999', 'stroke-dasharray': '4 3'}));
    }
    rows.forEach((r, i) => {
      const y = MARGIN.top + i * ROW + ROW / 2;
      svg.append(element('text', {x: MARGIN.left - 8, y: y + 4, 'font-size': 11, 'text-anchor': 'end'}, r.label));
      svg.append(element('line', {x1: x(r.low), x2: x(r.high), y1: y, y2: y, stroke: '#0b5cad', 'stroke-width': 2, class: 'mark'}));
      svg.append(element('circle', {cx: x(r.estimate), cy: y, r: 4, fill: '#0b5cad'}));
    });
    xAxis(svg, x, bottom);
    svg.dataset.marks = rows.length;
    return svg;
  }

  /** Points and a line through them, or residuals around zero. */
  function scatter(title, points, line) {
    const height = 240;
    const svg = frame(title, height);
    const x = scale(points.map(p => p[0]), 50, WIDTH - MARGIN.right);
    const y = scale(points.map(p => p[1]).concat(line ? line.map(p => p[1]) : [0]), height - MARGIN.bottom, MARGIN.top);
    for (const t of y.ticks) svg.append(element('text', {x: 44, y: y(t) + 4, 'font-size': 10, 'text-anchor': 'end'}, t.toPrecision(3)));
    if (line) {
      svg.append(element('line', {x1: x(line[0][0]), y1: y(line[0][1]), x2: x(line[1][0]), y2: y(line[1][1]), stroke: '#c23b22', 'stroke-width': 2}));
    } else {
      svg.append(element('line', {x1: 50, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), stroke: '#999', 'stroke-dasharray': '4 3'}));
    }
    for (const [px, py] of points) svg.append(element('circle', {cx: x(px), cy: y(py), r: 3.5, fill: '#0b5cad', class: 'mark'}));
    xAxis(svg, x, height - MARGIN.bottom);
    svg.dataset.marks = points.length;
    return svg;
  }

  /** The table a test of independence was run on, with its margins. */
  function table(title, counts) {
    const wrapper = document.createElement('figure');
    wrapper.append(Object.assign(document.createElement('figcaption'), {textContent: title}));
    const t = document.createElement('table');
    t.className = 'result-plot';
    const columnTotals = counts[0].map((_, j) => counts.reduce((s, r) => s + r[j], 0));
    const rows = counts.map((r, i) => ['row ' + (i + 1), ...r, r.reduce((a, b) => a + b, 0)])
      .concat([['total', ...columnTotals, columnTotals.reduce((a, b) => a + b, 0)]]);
    const head = ['', ...counts[0].map((_, j) => 'column ' + (j + 1)), 'total'];
    t.append(...[head, ...rows].map((cells, i) => {
      const tr = document.createElement('tr');
      for (const c of cells) tr.append(Object.assign(document.createElement(i === 0 ? 'th' : 'td'), {textContent: c}));
      return tr;
    }));
    t.dataset.marks = counts.length * counts[0].length;
    wrapper.append(t);
    return wrapper;
  }

  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  function meanWithError(label, xs) {
    const m = mean(xs);
    const se = xs.length > 1 ? Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1) / xs.length) : 0;
    return {label, estimate: m, low: m - se, high: m + se};
  }
  const groupMeans = (groups) => intervals('Group means ± 1 standard error', groups.map((g, i) => meanWithError('group ' + (i + 1), g)));

  function coefficients(title, result, names) {
    return intervals(title, result.coefficients.map((c, i) => ({
      label: names[i], estimate: c, low: c - result.std_errors[i], high: c + result.std_errors[i]})), 0);
  }

  function regression(result, request) {
    const names = result.coefficients.map((_, i) => request && request.intercept === false ? 'x' + (i + 1) : (i === 0 ? 'intercept' : 'x' + i));
    if (!request || request.x[0].length !== 1) return coefficients('Coefficients ± 1 standard error', result, names);
    const withIntercept = request.intercept !== false;
    const [a, b] = withIntercept ? result.coefficients : [0, result.coefficients[0]];
    const xs = request.x.map(r => r[0]);
    const points = xs.map((x, i) => [x, request.y[i]]);
    const line = [[Math.min(...xs), a + b * Math.min(...xs)], [Math.max(...xs), a + b * Math.max(...xs)]];
    const figure = document.createElement('div');
    figure.append(scatter('Data and fitted line', points, line),
      scatter('Residuals', points.map(([x, y]) => [x, y - (a + b * x)])));
    figure.dataset.marks = points.length;
    return figure;
  }

  /** The plot for a done result, or null when its type has none. */
  function plotFor(type, result, request) {
    switch (type) {
      case 'ttest_one_sample':
      case 'ttest_paired':
      case 'ttest_independent': {
        const reference = type === 'ttest_one_sample' ? (request ? request.mu : undefined) : 0;
        const title = type === 'ttest_one_sample' ? 'Mean and its confidence interval' : 'Mean difference and its confidence interval';
        const low = result.ci_low === null ? result.estimate : result.ci_low;
        const high = result.ci_high === null ? result.estimate : result.ci_high;
        const rows = [{label: 'estimate', estimate: result.estimate, low, high}];
        if (request && type === 'ttest_independent') rows.push(meanWithError('a (± SE)', request.a), meanWithError('b (± SE)', request.b));
        return intervals(title, rows, reference);
      }
      case 'anova_oneway':
      case 'kruskal_wallis':
      case 'levene':
        return request ? groupMeans(request.groups) : null;
      case 'tukey_hsd':
        return intervals('Differences of group means, family-wise intervals', result.comparisons.map(c => ({
          label: 'group ' + (c.group_b + 1) + ' − ' + (c.group_a + 1), estimate: c.diff, low: c.ci_low, high: c.ci_high})), 0);
      case 'regression_ols':
        return regression(result, request);
      case 'logistic_regression':
        return coefficients('Coefficients (log odds) ± 1 standard error', result,
          result.coefficients.map((_, i) => i === 0 ? 'intercept' : 'x' + i));
      case 'chi_square_independence':
      case 'fisher_exact':
        return request ? table('The table tested', request.table) : null;
      default:
        return null;
    }
  }

  return {plotFor};
})();
