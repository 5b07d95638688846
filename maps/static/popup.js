/* Popups and tooltips, right-to-left Arabic.  Everything from the article is
 * inserted as text nodes; the only markup is ours (the <mark> around the place
 * and the trigger word, at spans computed in Python). */
(function (incmap) {
  'use strict';
  var el = incmap.el, labels = incmap.labels, fields = labels.fields;

  function evidence(r) {
    var text = r.ev || '', pieces = [], at = 0;
    (r.hl || []).forEach(function (span) {
      if (span[0] < at || span[1] > text.length) { return; }
      pieces.push(text.slice(at, span[0]));
      pieces.push(el('mark', {'class': 'incmap-hl-' + span[2], text: text.slice(span[0], span[1])}));
      at = span[1];
    });
    pieces.push(text.slice(at));
    return el('blockquote', {'class': 'incmap-evidence'}, pieces);
  }

  function latin(value) { return el('bdi', {dir: 'ltr', text: value}); }

  function row(label, value) {
    if (value === null || value === undefined || value === '') { return null; }
    return el('tr', {}, [el('th', {text: label}), el('td', {}, [value])]);
  }

  function joined(list, render) {
    var out = el('span');
    list.forEach(function (item, i) {
      if (i) { out.appendChild(document.createTextNode('، ')); }
      out.appendChild(render(item));
    });
    return out;
  }

  function place(r) {
    var parts = [];
    if (r.par) { parts.push(el('strong', {text: r.par})); }
    if (r.place && r.place !== r.par) { parts.push(' (', latin(r.place), ')'); }
    if (r.cc) { parts.push(' — ' + incmap.countryName(r.cc).ar); }
    return parts.length ? el('span', {}, parts) : null;
  }

  function precision(r) {
    var p = labels.precisions[r.prec] || {ar: r.prec};
    var text = p.ar;
    if (p.approximate && r.r) { text += ' — ' + fields.radius + ' ' + Math.round(r.r) + ' ' + fields.km; }
    return el('span', {'class': p.approximate ? 'incmap-approx-text' : null, text: text});
  }

  function source(r) {
    if (!r.src) { return null; }
    var where = r.span ? ' [' + r.span[0] + '–' + r.span[1] + ']' : '';
    return el('code', {dir: 'ltr', text: r.src + where});
  }

  function link(r) {
    if (r.url) {
      return el('a', {href: r.url, target: '_blank', rel: 'noopener noreferrer nofollow', dir: 'ltr', text: r.url});
    }
    return r.rawurl ? latin(r.rawurl) : null;
  }

  incmap.popupContent = function (r) {
    var category = labels.categories[r.cat], subtype = labels.subtypes[r.sub] || {ar: r.sub || '', en: ''};
    var head = el('div', {'class': 'incmap-popup-head', style: 'border-color:' + category.color}, [
      el('span', {'class': 'incmap-badge', style: 'background:' + category.color, text: category.one_ar}),
      el('span', {'class': 'incmap-subtype', text: subtype.ar}),
      subtype.en ? el('span', {'class': 'incmap-en', dir: 'ltr', text: subtype.en}) : null
    ]);
    var facts = el('table', {'class': 'incmap-facts'}, [
      row(fields.date, r.date ? latin(r.date) : el('span', {'class': 'incmap-muted', text: fields.undated})),
      row(fields.place, place(r)),
      row(fields.groups, r.grp && r.grp.length ? joined(r.grp, latin) : null),
      row(fields.actors, r.act && r.act.length ? joined(r.act, function (cc) {
        return el('span', {title: incmap.countryName(cc).en, text: incmap.countryName(cc).ar});
      }) : null),
      row(fields.fatalities, r.fat !== undefined ? latin(String(r.fat)) : el('span', {'class': 'incmap-muted', text: fields.unknown})),
      row(fields.precision, precision(r)),
      row(fields.confidence, typeof r.conf === 'number' ? latin(Math.round(r.conf * 100) + '%') : null),
      row(fields.title, r.title ? el('span', {text: r.title}) : null),
      row(fields.source, source(r)),
      row(fields.sources, r.more && r.more.length ? joined(r.more, function (f) { return el('code', {dir: 'ltr', text: f}); }) : null),
      row(fields.link, link(r))
    ]);
    return el('div', {'class': 'incmap-popup', dir: 'rtl', lang: 'ar', 'data-id': r.id}, [head, evidence(r), facts]);
  };

  incmap.tooltipContent = function (r) {
    var category = labels.categories[r.cat];
    return el('div', {'class': 'incmap-tip', dir: 'rtl', lang: 'ar'}, [
      el('span', {'class': 'incmap-dot', style: 'background:' + category.color}),
      el('strong', {text: r.par || r.place || '—'}),
      r.place ? el('span', {'class': 'incmap-en', dir: 'ltr', text: r.place}) : null,
      r.date ? el('span', {'class': 'incmap-muted', dir: 'ltr', text: r.date}) : null
    ]);
  };
})(window.incmap);
