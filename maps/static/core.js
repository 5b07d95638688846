/* incmap core: the incident records, the filter pipeline and the small DOM helpers
 * every other part of the page uses.  Feature scripts (layers, filters, timeline,
 * legend, outline, heat) register themselves on the object returned here. */
function incmapCore(map, tiles) {
  'use strict';
  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  var meta = readJson('incmap-meta') || {};
  var records = readJson('incmap-data') || [];
  records.forEach(function (r, i) { r._i = i; });

  var incmap = {
    map: map, tiles: tiles, meta: meta, labels: meta.labels, records: records,
    visible: records, filters: {}, views: [], resets: [],
    bases: {}, overlays: {}, idle: false, ready: false, errors: []
  };

  /* Build an element whose text children become text nodes: article text can
   * never turn into markup, whatever characters it holds. */
  incmap.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === 'text') { node.textContent = String(value); }
      else if (key === 'style') { node.style.cssText = value; }
      else { node.setAttribute(key, String(value)); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  };

  incmap.dayToIso = function (day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  };

  incmap.countryName = function (cc) {
    var names = (meta.countries || {})[cc];
    return names ? {en: names[0], ar: names[1]} : {en: cc, ar: cc};
  };

  /* Filters are named predicates; a null predicate removes the filter. */
  incmap.setFilter = function (name, predicate) {
    if (predicate) { incmap.filters[name] = predicate; } else { delete incmap.filters[name]; }
    incmap.apply();
  };

  incmap.apply = function () {
    var predicates = Object.keys(incmap.filters).map(function (k) { return incmap.filters[k]; });
    incmap.visible = predicates.length === 0 ? records : records.filter(function (r) {
      for (var i = 0; i < predicates.length; i++) { if (!predicates[i](r)) { return false; } }
      return true;
    });
    incmap.views.forEach(function (view) { view(incmap.visible); });
  };

  incmap.reset = function () {
    incmap.resets.forEach(function (fn) { fn(); });
    incmap.filters = {};
    incmap.apply();
  };

  incmap.boundsOf = function (list) {
    if (!list.length) { return null; }
    var s = 90, w = 180, n = -90, e = -180;
    list.forEach(function (r) {
      if (r.lat < s) { s = r.lat; } if (r.lat > n) { n = r.lat; }
      if (r.lon < w) { w = r.lon; } if (r.lon > e) { e = r.lon; }
    });
    return L.latLngBounds([s, w], [n, e]);
  };

  incmap.fitTo = function (list) {
    var bounds = incmap.boundsOf(list);
    if (bounds) { map.fitBounds(bounds.pad(0.15), {maxZoom: 7, animate: false}); }
  };

  /* Called last: the layer control sees every layer the features registered. */
  incmap.finish = function () {
    L.control.layers(incmap.bases, incmap.overlays, {collapsed: false, position: 'topright'}).addTo(map);
    if (records.length) { incmap.fitTo(records); } else { map.setView([22, 20], 3); }
    incmap.apply();
    incmap.ready = true;
  };

  window.incmap = incmap;
  return incmap;
}
