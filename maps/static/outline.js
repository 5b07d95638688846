/* Country outlines from the embedded world-atlas GeoJSON.  Over tiles they are
 * thin lines; with no tiles (offline base layer, or tiles failing to load)
 * they are filled land on a sea-coloured map, so the incidents keep a place. */
(function (incmap) {
  'use strict';
  var map = incmap.map, ui = incmap.labels.ui;
  var node = document.getElementById('incmap-outline');
  if (!node) { return; }
  map.createPane('incmapOutline');
  map.getPane('incmapOutline').style.zIndex = 250;
  map.getPane('incmapOutline').style.pointerEvents = 'none';

  var offline = false, chosen = null;
  function style(feature) {
    var isChosen = chosen && feature.properties.cc === chosen;
    return {
      color: isChosen ? '#222' : (offline ? '#9a9486' : '#5b5b5b'),
      weight: isChosen ? 2.5 : 0.8, opacity: offline ? 1 : 0.55,
      fill: offline, fillColor: '#f3efe6', fillOpacity: 1, interactive: false
    };
  }
  var layer = L.geoJSON(JSON.parse(node.textContent), {pane: 'incmapOutline', style: style}).addTo(map);
  incmap.outline = layer;

  function setOffline(value) {
    offline = value;
    map.getContainer().classList.toggle('incmap-offline', value);
    layer.setStyle(style);
  }
  incmap.highlightCountry = function (cc) { chosen = cc; layer.setStyle(style); };

  var offlineBase = L.layerGroup();
  if (incmap.tiles) {
    incmap.bases[ui.tiles_layer] = incmap.tiles;
    // Without any tile arriving, the base map is gone: draw the land instead.
    var loaded = 0, failed = 0;
    incmap.tiles.on('tileload', function () { loaded += 1; });
    incmap.tiles.on('tileerror', function () {
      failed += 1;
      if (failed >= 4 && loaded === 0 && !offline) {
        setOffline(true);
        map.getContainer().classList.add('incmap-tiles-failed');
      }
    });
  }
  incmap.bases[ui.offline_layer] = offlineBase;
  incmap.overlays[ui.outline_layer] = layer;
  map.on('baselayerchange', function (e) { setOffline(e.layer === offlineBase); });
  if (!incmap.tiles) { offlineBase.addTo(map); setOffline(true); }
})(window.incmap);
