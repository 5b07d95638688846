/* A heat-map layer of the incidents shown, off until switched on. */
(function (incmap) {
  'use strict';
  if (!L.heatLayer) { return; }
  var heat = L.heatLayer([], {radius: 20, blur: 18, maxZoom: 9, minOpacity: 0.3,
    gradient: {0.3: '#fee08b', 0.6: '#fc8d59', 0.9: '#d73027'}});
  incmap.overlays[incmap.labels.ui.heat] = heat;
  incmap.views.push(function (visible) {
    heat.setLatLngs(visible.map(function (r) { return [r.lat, r.lon, 1]; }));
  });
  incmap.heat = heat;
})(window.incmap);
