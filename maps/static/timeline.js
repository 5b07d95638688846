/* Date range: two sliders over the days the incidents cover, a month-by-month
 * histogram above them, and a switch for undated incidents.  Dates given only
 * as a month or a year count as the whole interval they name. */
(function (incmap) {
  'use strict';
  var el = incmap.el, ui = incmap.labels.ui;
  var dated = incmap.records.filter(function (r) { return r.d0 !== undefined; });
  if (!dated.length) { return; }
  var first = Math.min.apply(null, dated.map(function (r) { return r.d0; }));
  var last = Math.max.apply(null, dated.map(function (r) { return r.d1; }));

  // Histogram bins: months when the range is long, days otherwise.
  function monthOf(day) { var d = new Date(day * 86400000); return d.getUTCFullYear() * 12 + d.getUTCMonth(); }
  var byMonth = last - first > 62;
  var binOf = byMonth ? monthOf : function (day) { return day; };
  var lo = binOf(first), hi = binOf(last), bins = [];
  for (var b = lo; b <= hi; b++) { bins.push(0); }
  dated.forEach(function (r) { bins[binOf(r.d0) - lo] += 1; });
  var peak = Math.max.apply(null, bins);
  var bars = bins.map(function (n) {
    return el('span', {'class': 'incmap-bar', style: 'height:' + Math.max(n ? 8 : 0, Math.round(100 * n / peak)) + '%'});
  });
  var histogram = el('div', {'class': 'incmap-histogram', dir: 'ltr', 'aria-hidden': 'true'}, bars);

  function slider(id, value) {
    return el('input', {type: 'range', id: id, min: first, max: last, step: 1, value: value, dir: 'ltr'});
  }
  var from = slider('incmap-date-from', first), to = slider('incmap-date-to', last);
  var fromLabel = el('bdi', {dir: 'ltr'}), toLabel = el('bdi', {dir: 'ltr'});
  var undated = el('input', {type: 'checkbox', id: 'incmap-undated', checked: 'checked'});

  function paint() {
    var a = Math.min(+from.value, +to.value), z = Math.max(+from.value, +to.value);
    fromLabel.textContent = incmap.dayToIso(a);
    toLabel.textContent = incmap.dayToIso(z);
    bars.forEach(function (bar, i) {
      bar.classList.toggle('incmap-bar-out', lo + i < binOf(a) || lo + i > binOf(z));
    });
    return [a, z];
  }

  function applyRange() {
    var range = paint(), keepUndated = undated.checked;
    var whole = range[0] === first && range[1] === last;
    incmap.setFilter('date', whole && keepUndated ? null : function (r) {
      if (r.d0 === undefined) { return keepUndated; }
      return r.d1 >= range[0] && r.d0 <= range[1];
    });
  }

  var pending = null;
  function soon() { paint(); clearTimeout(pending); pending = setTimeout(applyRange, 150); }
  from.addEventListener('input', soon);
  to.addEventListener('input', soon);
  undated.addEventListener('change', applyRange);
  incmap.resets.push(function () { from.value = first; to.value = last; undated.checked = true; paint(); });

  incmap.setDateRange = function (a, z) { from.value = a; to.value = z; applyRange(); };
  paint();
  incmap.filterPanel.addSection(el('div', {'class': 'incmap-timeline'}, [
    el('div', {'class': 'incmap-label', text: ui.dates}),
    histogram, from, to,
    el('div', {'class': 'incmap-range', dir: 'ltr'}, [fromLabel, ' — ', toLabel]),
    el('label', {'class': 'incmap-check'}, [undated, ' ' + ui.undated])
  ]));
})(window.incmap);
