/* One layer per category: clustered markers built from the embedded records,
 * plus the uncertainty areas of incidents located only to a province, region
 * or country.  Markers are created once; filters re-feed the cluster groups. */
(function (incmap) {
  'use strict';
  var map = incmap.map, labels = incmap.labels, el = incmap.el;
  var categories = Object.keys(labels.categories);
  var approximate = {};
  Object.keys(labels.precisions).forEach(function (p) { approximate[p] = labels.precisions[p].approximate; });

  var glyphs = {
    burst: '<path d="M12 3l2 5 5-2-2 5 4 2-4 2 2 5-5-2-2 5-2-5-5 2 2-5-4-2 4-2-2-5 5 2z"/>',
    target: '<circle cx="12" cy="12" r="5.5" fill="none" stroke-width="2.2"/><path d="M12 2v6M12 16v6M2 12h6M16 12h6" fill="none" stroke-width="2.2"/>',
    shield: '<path d="M12 3l7 3v5c0 4.4-3 8.2-7 10-4-1.8-7-5.6-7-10V6z"/>'
  };

  /* Icons are shared objects: one per category and precision kind, not one per marker. */
  function svgIcon(category, hollow) {
    var color = labels.categories[category].color;
    var glyph = glyphs[labels.categories[category].glyph];
    var fill = hollow ? '#ffffff' : color, ink = hollow ? color : '#ffffff';
    var ring = hollow ? 'stroke="' + color + '" stroke-width="2" stroke-dasharray="3 2"' : 'stroke="#ffffff" stroke-width="2"';
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 30" width="26" height="26">' +
      '<circle cx="15" cy="15" r="13" fill="' + fill + '" ' + ring + '/>' +
      '<g transform="translate(3 3)" fill="' + ink + '" stroke="' + ink + '">' + glyph + '</g></svg>';
    return L.divIcon({
      html: svg, className: 'incmap-marker incmap-' + category + (hollow ? ' incmap-approx' : ''),
      iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12], tooltipAnchor: [0, -12]
    });
  }
  incmap.glyphSvg = function (category, hollow) { return svgIcon(category, hollow).options.html; };

  function clusterIcon(category) {
    var color = labels.categories[category].color;
    return function (cluster) {
      var n = cluster.getChildCount();
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
      return L.divIcon({
        html: '<div style="background:' + color + '"><span>' + n + '</span></div>',
        className: 'incmap-cluster incmap-cluster-' + category,
        iconSize: [size, size]
      });
    };
  }

  var icons = {};
  categories.forEach(function (c) { icons[c] = {exact: svgIcon(c, false), approx: svgIcon(c, true)}; });

  var markers = incmap.records.map(function (r) {
    var marker = L.marker([r.lat, r.lon], {
      icon: icons[r.cat][approximate[r.prec] ? 'approx' : 'exact'],
      keyboard: false, riseOnHover: true
    });
    marker.rec = r;
    return marker;
  });
  incmap.markers = markers;
  window.incmapMarkers = markers;

  var areaRenderer = L.canvas({padding: 0.3});
  var groups = {}, areas = {}, loading = {}, deferred = {};

  function settle() {
    incmap.idle = categories.every(function (c) { return !loading[c]; });
  }

  categories.forEach(function (c) {
    groups[c] = L.markerClusterGroup({
      chunkedLoading: true, chunkInterval: 120, chunkDelay: 10,
      maxClusterRadius: 45, spiderfyOnMaxZoom: true, showCoverageOnHover: false,
      disableClusteringAtZoom: 15, removeOutsideVisibleBounds: true,
      iconCreateFunction: clusterIcon(c),
      chunkProgress: function (done, total) {
        if (done >= total) { loading[c] = false; settle(); }
      }
    });
    areas[c] = L.layerGroup();
    var total = incmap.records.filter(function (r) { return r.cat === c; }).length;
    var swatch = '<span class="incmap-swatch" style="background:' + labels.categories[c].color + '"></span>';
    var name = swatch + labels.categories[c].ar + ' · ' + labels.categories[c].en + ' <small>(' + total + ')</small>';
    var overlay = L.layerGroup([areas[c], groups[c]]).addTo(map);
    incmap.overlays[name] = overlay;
    // A group off the map would re-check every pending marker on each add
    // (quadratic); markers for a hidden category wait until it is shown.
    groups[c].on('add', function () {
      if (deferred[c]) { var list = deferred[c]; deferred[c] = null; feed(c, list); }
    });
    groups[c].on('click', function (e) { incmap.openMarkerPopup(e.layer); });
    groups[c].on('mouseover', function (e) {
      var m = e.layer;
      if (!m.getTooltip()) {
        m.bindTooltip(function (layer) { return incmap.tooltipContent(layer.rec); },
          {direction: 'top', className: 'incmap-tooltip'});
        m.openTooltip();
      }
    });
  });

  function feed(c, list) {
    if (!groups[c]._map) { deferred[c] = list; loading[c] = false; settle(); return; }
    loading[c] = true;
    settle();
    groups[c].addLayers(list);
  }

  function drawAreas(c, list) {
    var seen = {};
    list.forEach(function (r) {
      if (!approximate[r.prec] || !r.r) { return; }
      var key = r.lat + ',' + r.lon + ',' + r.r;
      if (seen[key]) { seen[key].n += 1; } else { seen[key] = {r: r, n: 1}; }
    });
    areas[c].clearLayers();
    var color = labels.categories[c].color;
    Object.keys(seen).forEach(function (key) {
      var item = seen[key];
      L.circle([item.r.lat, item.r.lon], {
        radius: item.r.r * 1000, renderer: areaRenderer, interactive: false,
        // Continent-sized areas would veil the map: the wider, the fainter.
        color: color, weight: 1.2, dashArray: '5 5', opacity: item.r.r > 800 ? 0.45 : 0.8,
        fillColor: color, fillOpacity: Math.min(0.06 + 0.02 * item.n, 0.2) * (item.r.r > 800 ? 0.4 : 1)
      }).addTo(areas[c]);
    });
  }

  incmap.views.push(function (visible) {
    var byCategory = {};
    categories.forEach(function (c) { byCategory[c] = []; });
    visible.forEach(function (r) { (byCategory[r.cat] || byCategory[categories[0]]).push(markers[r._i]); });
    categories.forEach(function (c) {
      groups[c].clearLayers();
      deferred[c] = null;
      drawAreas(c, byCategory[c].map(function (m) { return m.rec; }));
      feed(c, byCategory[c]);
    });
  });

  incmap.openMarkerPopup = function (marker) {
    if (!marker.getPopup()) {
      marker.bindPopup(function (layer) { return incmap.popupContent(layer.rec); },
        {maxWidth: 380, minWidth: 260, className: 'incmap-popup-wrap', autoPanPaddingTopLeft: [30, 70], autoPanPaddingBottomRight: [30, 30]});
    }
    marker.openPopup();
  };

  /* For people and tests: show one incident by id, zooming in until its
   * cluster opens (clustering stops at zoom 15, so this ends), then open its popup. */
  incmap.showIncident = function (id, done) {
    var marker = markers.filter(function (m) { return m.rec.id === id; })[0];
    var group = marker && groups[marker.rec.cat];
    if (!marker || !group._map || !group.hasLayer(marker)) { return false; }
    var steps = 0;
    function step() {
      if (group.getVisibleParent(marker) === marker || steps++ > 12) {
        incmap.openMarkerPopup(marker);
        if (done) { done(); }
        return;
      }
      map.once('moveend', function () { setTimeout(step, 300); });
      map.setView(marker.getLatLng(), Math.min(Math.max(map.getZoom() + 2, 5), 15));
    }
    step();
    return true;
  };

  /* Markers now on the map (clustered or not), per category layer shown. */
  incmap.shownMarkers = function () {
    var shown = [];
    categories.forEach(function (c) {
      if (groups[c]._map) { shown = shown.concat(groups[c].getLayers()); }
    });
    return shown;
  };
  incmap.count = function () { return incmap.shownMarkers().length; };
  incmap.groups = groups;
  incmap.areas = areas;
})(window.incmap);
