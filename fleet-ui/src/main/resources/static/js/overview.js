/* The overview: figures refreshed when something changes (an alert, a device going offline or coming back), the
   ingest rate as the server pushes it, and the fleet's latest positions on the map. */
"use strict";
(function (F) {
  const refresh = F.debounce(function () {
    F.json("/api/v1/overview").then(show);
    positions();
  }, 500);
  let map = null;
  let markers = null;
  let fitted = false;

  function show(overview) {
    document.getElementById("online").textContent = String(overview.devices.online);
    document.getElementById("offline").textContent = String(overview.devices.offline);
    document.getElementById("never-seen").textContent = String(overview.devices.neverSeen);
    Object.keys(overview.activeAlerts).forEach(function (severity) {
      const cell = document.getElementById("alerts-" + severity);
      if (cell) {
        cell.textContent = String(overview.activeAlerts[severity]);
      }
    });
    backlogs(overview.devices.backlogs);
  }

  function backlogs(rows) {
    const table = document.getElementById("backlogs");
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows.map(function (b) {
      const row = F.el("tr");
      const link = F.el("a", b.deviceId);
      link.href = "/devices/" + encodeURIComponent(b.deviceId);
      const reported = F.el("td");
      reported.append(F.timeEl(b.reportedAt));
      const device = F.el("td");
      device.append(link);
      row.append(device, F.el("td", b.backlog), F.el("td", b.oldestUnsyncedAgeSeconds + " s"), reported,
        F.el("td", b.online ? "online" : "offline"));
      return row;
    }));
    table.hidden = rows.length === 0;
    document.querySelector('[data-empty-for="backlogs"]').hidden = rows.length > 0;
  }

  function positions() {
    if (typeof L === "undefined") {
      return;
    }
    if (!map) {
      map = L.map("map", { preferCanvas: true }).setView([0, 0], 1);
      const tiles = document.body.dataset.tiles;
      if (tiles) {
        L.tileLayer(tiles, { attribution: document.body.dataset.attribution || "", maxZoom: 19 }).addTo(map);
      }
      // many trucks in one yard become one numbered circle until the operator zooms in
      markers = L.markerClusterGroup ? L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 50 })
        : L.layerGroup();
      markers.addTo(map);
    }
    F.json("/api/v1/positions").then(function (list) {
      markers.clearLayers();
      markers.addLayers ? markers.addLayers(list.map(marker)) : list.map(marker).forEach(function (m) { m.addTo(markers); });
      document.getElementById("map").dataset.markers = String(list.length);
      if (list.length && !fitted) {
        fitted = true; // later redraws keep the operator's zoom and position
        map.fitBounds(L.latLngBounds(list.map(function (p) { return [p.lat, p.lon]; })), { maxZoom: 13, padding: [20, 20] });
      }
    });
  }

  /** A truck: an arrow along its heading (a dot if it sends none), coloured by state; a click opens it. */
  function marker(p) {
    const shape = F.el("span", p.state === "alerting" ? "!" : null, p.heading == null ? "dot" : "arrow");
    if (p.heading != null) {
      shape.style.transform = "rotate(" + p.heading + "deg)"; // CSSOM, which the CSP allows, unlike style attributes
    }
    const icon = L.divIcon({ className: "truck " + p.state, html: shape, iconSize: [22, 22] });
    const label = [p.name + " (" + p.deviceId + ")", p.state, p.speed == null ? null : Math.round(p.speed) + " km/h",
      F.ago(p.ts)].filter(Boolean).join(" · ");
    const m = L.marker([p.lat, p.lon], { icon: icon, title: label, alt: label, keyboard: true });
    m.bindTooltip(F.el("span", label));
    m.on("click", function () { window.location.href = "/devices/" + encodeURIComponent(p.deviceId); });
    return m;
  }

  F.onOpen(refresh);
  F.on("alert", refresh);
  F.on("device", refresh);
  // positions move with the readings: redrawn with the server's ingest pushes, at most every 30 s
  let positionsAt = Date.now();
  F.on("ingest", function (rate) {
    document.getElementById("ingest-rate").textContent = rate.readingsPerSecond.toFixed(1);
    if (rate.readingsPerSecond > 0 && Date.now() - positionsAt > 30000) {
      positionsAt = Date.now();
      positions();
    }
  });
})(window.Fleetmesh);
