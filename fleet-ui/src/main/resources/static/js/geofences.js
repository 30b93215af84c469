/* The geofences page's map: each geofence drawn from the API. */
"use strict";
(function (F) {
  if (typeof L === "undefined") {
    return;
  }
  const map = L.map("map").setView([0, 0], 1);
  const tiles = document.body.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { attribution: document.body.dataset.attribution || "" }).addTo(map);
  }
  F.json("/api/v1/geofences").then(function (list) {
    const shapes = list.map(function (g) {
      const shape = g.shape.circle
        ? L.circle([g.shape.circle.lat, g.shape.circle.lon], { radius: g.shape.circle.radiusMeters })
        : L.polygon(g.shape.polygon);
      return shape.bindTooltip(F.el("span", g.name)).addTo(map);
    });
    if (shapes.length) {
      map.fitBounds(L.featureGroup(shapes).getBounds(), { padding: [20, 20] });
    }
  });
})(window.Fleetmesh);
