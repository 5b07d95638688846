/* The in-map filter panel: country and group, applied in the page without
 * re-running incmap.  Other features (the timeline) add sections to it. */
(function (incmap) {
  'use strict';
  var el = incmap.el, ui = incmap.labels.ui, records = incmap.records;
  var NONE = '__none__';

  function tally(keysOf) {
    var counts = {};
    records.forEach(function (r) {
      var keys = keysOf(r);
      (keys.length ? keys : [NONE]).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
    });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
      .map(function (k) { return {key: k, n: counts[k]}; });
  }

  function select(id, allLabel, options) {
    var node = el('select', {id: id, 'class': 'incmap-select'}, [el('option', {value: '', text: allLabel})]);
    options.forEach(function (o) { node.appendChild(el('option', {value: o.key, text: o.label + ' (' + o.n + ')'})); });
    return node;
  }

  var countries = tally(function (r) { return r.cc ? [r.cc] : []; }).map(function (o) {
    var names = incmap.countryName(o.key);
    o.label = o.key === NONE ? ui.no_country : names.ar + ' · ' + names.en;
    return o;
  });
  var groups = tally(function (r) { return r.grp || []; }).map(function (o) {
    o.label = o.key === NONE ? ui.no_group : o.key;
    return o;
  });

  var countrySelect = select('incmap-country', ui.all_countries, countries);
  var groupSelect = select('incmap-group', ui.all_groups, groups);
  var counter = el('div', {'class': 'incmap-counter', id: 'incmap-counter', 'aria-live': 'polite'});
  var sections = el('div', {'class': 'incmap-sections'});
  var reset = el('button', {type: 'button', 'class': 'incmap-reset', text: ui.reset});
  var body = el('div', {'class': 'incmap-filter-body'}, [
    el('label', {'for': 'incmap-country', text: ui.country}), countrySelect,
    el('label', {'for': 'incmap-group', text: ui.group}), groupSelect,
    sections, el('div', {'class': 'incmap-filter-foot'}, [counter, reset])
  ]);
  var toggle = el('button', {type: 'button', 'class': 'incmap-toggle', 'aria-expanded': 'true', text: '▾'});
  var panel = el('div', {'class': 'incmap-panel incmap-filter', dir: 'rtl', lang: 'ar'}, [
    el('div', {'class': 'incmap-panel-title'}, [el('span', {text: ui.filter_title}), toggle]), body
  ]);
  toggle.addEventListener('click', function () {
    var open = body.style.display === 'none';
    body.style.display = open ? '' : 'none';
    toggle.textContent = open ? '▾' : '▸';
    toggle.setAttribute('aria-expanded', String(open));
  });

  function onChoice(selectNode, name, matches) {
    selectNode.addEventListener('change', function () {
      var value = selectNode.value;
      incmap.setFilter(name, value ? function (r) { return matches(r, value); } : null);
      if (name === 'country' && incmap.highlightCountry) { incmap.highlightCountry(value && value !== NONE ? value : null); }
      incmap.fitTo(incmap.visible.length ? incmap.visible : records);
    });
  }
  onChoice(countrySelect, 'country', function (r, v) { return (r.cc || NONE) === v; });
  onChoice(groupSelect, 'group', function (r, v) {
    return v === NONE ? !(r.grp && r.grp.length) : !!r.grp && r.grp.indexOf(v) >= 0;
  });

  reset.addEventListener('click', function () {
    countrySelect.value = '';
    groupSelect.value = '';
    if (incmap.highlightCountry) { incmap.highlightCountry(null); }
    incmap.reset();
    incmap.fitTo(records);
  });

  incmap.views.push(function (visible) {
    counter.textContent = visible.length + ' ' + ui.of + ' ' + records.length + ' — ' + ui.shown;
  });

  var Control = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      L.DomEvent.disableClickPropagation(panel);
      L.DomEvent.disableScrollPropagation(panel);
      return panel;
    }
  });
  new Control().addTo(incmap.map);
  incmap.filterPanel = {addSection: function (node) { sections.appendChild(node); }};
})(window.incmap);
