/* The map's title, centred above it (text only). */
(function (incmap) {
  'use strict';
  var title = incmap.meta.title;
  if (!title) { return; }
  var node = incmap.el('div', {'class': 'incmap-title', dir: 'auto', text: title});
  L.DomEvent.disableClickPropagation(node);
  incmap.map.getContainer().appendChild(node);
})(window.incmap);
