/* The legend: what colours, icons, rings and clusters mean. */
(function (incmap) {
  'use strict';
  var el = incmap.el, labels = incmap.labels, ui = labels.ui;

  function svg(html) { var span = el('span', {'class': 'incmap-legend-icon'}); span.innerHTML = html; return span; }
  var counts = {};
  incmap.records.forEach(function (r) { counts[r.cat] = (counts[r.cat] || 0) + 1; });

  var rows = Object.keys(labels.categories).map(function (c) {
    var cat = labels.categories[c];
    return el('li', {}, [svg(incmap.glyphSvg(c, false)),
      el('span', {text: cat.ar + ' · ' + cat.en}), el('span', {'class': 'incmap-muted', text: ' ' + (counts[c] || 0)})]);
  });
  var first = Object.keys(labels.categories)[0];
  rows.push(el('li', {}, [svg(incmap.glyphSvg(first, true)), el('span', {text: ui.approx_marker})]));
  rows.push(el('li', {}, [el('span', {'class': 'incmap-legend-icon'}, [el('span', {'class': 'incmap-area-swatch'})]),
    el('span', {text: ui.area})]));
  rows.push(el('li', {}, [el('span', {'class': 'incmap-legend-icon'}, [el('span', {'class': 'incmap-cluster-swatch', text: '12'})]),
    el('span', {text: ui.cluster})]));
  var notice = el('div', {'class': 'incmap-tiles-notice', text: ui.tiles_failed});
  var panel = el('div', {'class': 'incmap-panel incmap-legend', dir: 'rtl', lang: 'ar'}, [
    el('div', {'class': 'incmap-panel-title', text: ui.legend_title}), el('ul', {}, rows), notice
  ]);
  var Control = L.Control.extend({
    options: {position: 'bottomleft'},
    onAdd: function () { L.DomEvent.disableClickPropagation(panel); return panel; }
  });
  new Control().addTo(incmap.map);
})(window.incmap);
