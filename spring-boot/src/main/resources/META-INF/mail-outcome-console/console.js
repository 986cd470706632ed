// mail-outcome console. Reads the JSON API under ./api/ and renders it with the DOM: text only, never HTML
// taken from data. No library, nothing fetched from anywhere but this application.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let readOnly = true;

  // --- the API ------------------------------------------------------------------------------------------------
  async function api(path, options) {
    const response = await fetch('api/' + path, Object.assign({ headers: csrfHeaders() }, options));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status + ' for ' + path));
    return body;
  }

  // With Spring Security's cookie CSRF repository, a change must echo the XSRF-TOKEN cookie.
  function csrfHeaders() {
    const token = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return token ? { 'X-XSRF-TOKEN': decodeURIComponent(token[1]) } : {};
  }

  // --- small DOM helpers --------------------------------------------------------------------------------------
  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function cell(row, text, className) {
    return row.appendChild(element('td', text, className));
  }

  function time(iso) {
    return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
  }

  function addressLink(address) {
    const a = element('a', address, 'address');
    a.href = '#address=' + encodeURIComponent(address);
    return a;
  }

  function note(id, text) {
    $(id).textContent = text || '';
  }

  function showError(error) {
    $('error').textContent = error.message;
    $('error').hidden = false;
  }

  function clear(id) {
    const e = $(id);
    while (e.firstChild) e.removeChild(e.firstChild);
    return e;
  }

  // --- an address and its timeline ----------------------------------------------------------------------------
  async function showAddress(address) {
    const view = await api('address?address=' + encodeURIComponent(address));
    $('address').hidden = false;
    $('address-name').textContent = view.address;
    const status = [];
    if (view.suppression) {
      status.push('Suppressed (' + view.suppression.kind + ', ' + view.suppression.reason + ') since '
        + time(view.suppression.since) + (view.suppression.until ? ' until ' + time(view.suppression.until) : ''));
    } else {
      status.push('Not suppressed');
    }
    if (view.movedTo) status.push('moved to ' + view.movedTo.newAddress);
    if (view.history === null) status.push('history needs the JDBC store (mail-outcome-jdbc and a DataSource)');
    else if (view.history.length === 0) status.push('nothing recorded for this address');
    $('address-status').textContent = status.join('; ') + '.';
    const list = clear('timeline');
    for (const event of view.history || []) {
      const item = list.appendChild(element('li', null, event.event));
      item.appendChild(element('span', time(event.at), 'when'));
      item.appendChild(element('span', event.event, 'what'));
      item.appendChild(element('span', event.text, 'text'));
    }
    $('address').scrollIntoView();
  }

  // --- the three tables: recent sends, the suppression list, pending retries -------------------------------
  // Fills <name>-rows with one render(item, rows) per item of the API's list, or says why there is none.
  async function table(name, available, missing, path, empty, render) {
    const rows = clear(name + '-rows');
    if (!available) return note(name + '-note', missing);
    const items = await api(path);
    note(name + '-note', items.length ? '' : empty);
    items.forEach((item) => render(item, rows));
  }

  function row(rows, address) {
    const tr = rows.appendChild(element('tr'));
    if (address) tr.dataset.address = address;
    return tr;
  }

  const loadSends = (overview) => table('sends', overview.sends,
    'Tracking is off (mail.outcome.tracking.enabled): no sends are recorded.', 'sends?limit=50',
    'No send recorded yet.', (send, rows) => send.recipients.forEach((r, i) => {
      const tr = row(rows, r.address);
      if (i === 0) tr.className = 'send-start';
      cell(tr, i === 0 ? time(send.sentAt) : '', 'time');
      cell(tr, i === 0 ? (send.messageId || '') : '', 'text');
      cell(tr).appendChild(addressLink(r.address));
      cell(tr, r.text, r.outcome === 'Suppressed' ? 'suppressed' : r.disposition);
      cell(tr, r.fateText, 'text');
    }));

  const loadSuppressions = (overview) => table('suppressions', overview.suppressions,
    'No suppression list (mail.outcome.suppressions.enabled).', 'suppressions', 'No address is suppressed.',
    (entry, rows) => {
      const tr = row(rows, entry.address);
      cell(tr).appendChild(addressLink(entry.address));
      cell(tr, entry.kind);
      cell(tr, entry.reason);
      cell(tr, time(entry.since), 'time');
      cell(tr, entry.until ? time(entry.until) : 'until removed', 'time');
      cell(tr, entry.cause, 'text');
      const actions = cell(tr);
      if (readOnly) return;
      const button = actions.appendChild(element('button', 'Remove', 'remove'));
      button.type = 'button';
      button.addEventListener('click', () => remove(entry.address).catch(showError));
    });

  async function remove(address) {
    if (!window.confirm('Remove ' + address + ' from the suppression list? Mail to it will be sent again.')) return;
    await api('suppressions?address=' + encodeURIComponent(address), { method: 'DELETE' });
    await loadSuppressions({ suppressions: true });
    if (!$('address').hidden && $('address-name').textContent === address) await showAddress(address);
  }

  const loadRetries = (overview) => table('retries', overview.retries,
    'No durable retries (mail.outcome.jdbc.retries.enabled).', 'retries', 'Nothing waits for a retry.',
    (retry, rows) => {
      const tr = row(rows, retry.recipient);
      cell(tr, time(retry.due), 'time');
      cell(tr).appendChild(addressLink(retry.recipient));
      cell(tr, String(retry.attempt));
      cell(tr, retry.state);
      cell(tr, retry.outcome, 'text');
    });

  // --- the chart: per day, one bar of SMTP outcomes and one of fates, stacked by reason -----------------------
  const PALETTE = {
    accepted: ['#2f8132'], deferred: ['#dd6b20', '#ed8936', '#f6ad55'], refused: ['#c53030', '#e53e3e', '#fc8181', '#9b2c2c'],
    suppressed: ['#4a5568', '#718096', '#a0aec0'], delivered: ['#319795'], delayed: ['#d69e2e'],
    bounced: ['#6b46c1', '#805ad5', '#b794f4', '#553c9a']
  };

  function colours(series) {
    const used = {};
    return series.map((s) => {
      const family = s.name.split(':')[0];
      const shades = PALETTE[family] || ['#718096'];
      used[family] = (used[family] || 0) + 1;
      return shades[(used[family] - 1) % shades.length];
    });
  }

  async function loadChart(overview) {
    if (!overview.sends) return note('chart-note', 'Tracking is off: nothing to count.');
    const chart = await api('chart?days=14&sends=500');
    note('chart-note', 'From the last ' + chart.sends + ' sends; left bar: SMTP outcome on the day sent, right bar: fate on the day reported.');
    drawChart(chart);
  }

  function svg(tag, attributes, text) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function drawChart(chart) {
    const canvas = clear('chart-svg');
    const width = canvas.clientWidth || 600, height = 220, left = 32, bottom = 20, top = 8;
    const fill = colours(chart.series);
    const totals = (group) => chart.days.map((_, d) => chart.series.filter((s) => s.group === group)
      .reduce((sum, s) => sum + s.counts[d], 0));
    const max = Math.max(1, ...totals('smtp'), ...totals('fate'));
    const slot = (width - left) / chart.days.length, bar = Math.max(2, slot * 0.35);
    const y = (n) => top + (height - top - bottom) * (1 - n / max);
    for (const tick of [0, Math.round(max / 2), max]) {
      canvas.appendChild(svg('line', { x1: left, x2: width, y1: y(tick), y2: y(tick), stroke: '#d9e2ec' }));
      canvas.appendChild(svg('text', { x: left - 4, y: y(tick) + 3, 'text-anchor': 'end' }, String(tick)));
    }
    chart.days.forEach((day, d) => {
      ['smtp', 'fate'].forEach((group, g) => {
        let base = 0;
        chart.series.forEach((s, i) => {
          if (s.group !== group || !s.counts[d]) return;
          const x = left + d * slot + slot / 2 - bar + g * bar;
          const rect = svg('rect', { x: x, width: bar - 1, y: y(base + s.counts[d]), height: y(base) - y(base + s.counts[d]), fill: fill[i] });
          rect.appendChild(svg('title', {}, day + ' ' + s.name + ': ' + s.counts[d]));
          canvas.appendChild(rect);
          base += s.counts[d];
        });
      });
      if (d % Math.ceil(chart.days.length / 7) === 0 || d === chart.days.length - 1) {
        canvas.appendChild(svg('text', { x: left + d * slot + slot / 2, y: height - 5, 'text-anchor': 'middle' }, day.slice(5)));
      }
    });
    const legend = clear('chart-legend');
    chart.series.forEach((s, i) => {
      const item = legend.appendChild(element('li'));
      item.appendChild(element('span')).style.background = fill[i];
      item.appendChild(document.createTextNode(s.name + ' (' + s.counts.reduce((a, b) => a + b, 0) + ')'));
    });
    if (!chart.series.length) legend.appendChild(element('li', 'Nothing in the last ' + chart.days.length + ' days.'));
  }

  // --- start --------------------------------------------------------------------------------------------------
  function addressInHash() {
    const match = window.location.hash.match(/^#address=(.+)$/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async function start() {
    const overview = await api('overview');
    readOnly = overview.readOnly;
    $('mode').textContent = readOnly ? 'read-only' : 'read-write';
    await Promise.all([loadSends(overview), loadSuppressions(overview), loadRetries(overview), loadChart(overview)]);
    if (addressInHash()) await showAddress(addressInHash());
    document.body.dataset.loaded = 'true';
  }

  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = 'address=' + encodeURIComponent($('search-address').value.trim());
  });
  window.addEventListener('hashchange', () => {
    if (addressInHash()) showAddress(addressInHash()).catch(showError);
  });
  start().catch(showError);
}());
