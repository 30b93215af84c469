/* The overview: figures refreshed when something changes (an alert, a device going offline or coming back), the
   ingest rate as the server pushes it, and the fleet's latest positions on the map. */
"use strict";
(function (F) {
  const refresh = F.debounce(function () {
    F.json("/api/v1/overview").then(show);
    today();
    if (Date.now() - positionsAt > 2000) { // the stream's first opening follows the page's own first load
      positions();
    }
  }, 500);
  let positionsAt = 0;
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
      // a maxZoom even without tiles: the clusterer builds one level per zoom and would never stop without it
      map = L.map("map", { preferCanvas: true, maxZoom: 19 }).setView([0, 0], 1);
      const tiles = document.body.dataset.tiles;
      if (tiles) {
        L.tileLayer(tiles, { attribution: document.body.dataset.attribution || "" }).addTo(map);
      }
      // many trucks in one area become one numbered circle until the operator zooms in; from street level (17)
      // each truck shows, which spares the clusterer three of its twenty levels
      markers = L.markerClusterGroup ? L.markerClusterGroup({ maxClusterRadius: 50, disableClusteringAtZoom: 17 }) : L.layerGroup();
      markers.addTo(map);
    }
    positionsAt = Date.now();
    F.json("/api/v1/positions").then(function (list) {
      markers.clearLayers();
      document.getElementById("map").dataset.markers = String(list.length);
      if (list.length && !fitted) {
        fitted = true; // later redraws keep the operator's zoom and position; zoomed first, clustered once
        map.fitBounds(L.latLngBounds(list.map(function (p) { return [p.lat, p.lon]; })), { maxZoom: 13, padding: [20, 20] });
      }
      const all = list.map(marker);
      if (markers.addLayers) {
        markers.addLayers(all);
      } else {
        all.forEach(function (m) { m.addTo(markers); });
      }
      requestAnimationFrame(function () { setTimeout(drawn); }); // after the frame that shows them
    });
  }

  /** On the browser's performance timeline: when the map first showed every marker (bin/bench pages reads it). */
  function drawn() {
    if (!performance.getEntriesByName("fleetmesh:markers-drawn").length) {
      performance.mark("fleetmesh:markers-drawn");
    }
  }

  /** A truck's icon, its element made only when the clusterer shows the truck on its own (most never are). */
  const TruckIcon = typeof L === "undefined" ? null : L.DivIcon.extend({
    createIcon: function (old) {
      const div = L.DivIcon.prototype.createIcon.call(this, old);
      const p = this.options.truck;
      const shape = F.el("span", p.state === "alerting" ? "!" : null, p.heading == null ? "dot" : "arrow");
      if (p.heading != null) {
        shape.style.transform = "rotate(" + p.heading + "deg)"; // CSSOM, which the CSP allows, unlike style attributes
      }
      div.replaceChildren(shape);
      return div;
    }
  });

  /** A truck: an arrow along its heading (a dot if it sends none), coloured by state; a click opens it. */
  function marker(p) {
    const icon = new TruckIcon({ className: "truck " + p.state, truck: p, iconSize: [22, 22] });
    const label = [p.name + " (" + p.deviceId + ")", p.state, p.speed == null ? null : Math.round(p.speed) + " km/h",
      F.ago(p.ts)].filter(Boolean).join(" · ");
    // the browser's own tooltip (title): a Leaflet tooltip per marker costs too much with 10,000 of them
    const m = L.marker([p.lat, p.lon], { icon: icon, title: label, alt: label, keyboard: true });
    m.on("click", function () { window.location.href = "/devices/" + encodeURIComponent(p.deviceId); });
    return m;
  }

  /** The fleet's day so far, midnight to now in the browser's zone, with a link to that day's summary report. */
  function today() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    F.json("/api/v1/trips/today?zone=" + encodeURIComponent(zone))
      .catch(function () { return F.json("/api/v1/trips/today"); }) // a zone the server does not know
      .then(showToday);
  }

  function showToday(day) {
    document.getElementById("today-distance").textContent = (day.distanceMeters / 1000).toFixed(1) + " km";
    document.getElementById("today-vehicles").textContent = day.vehicles === 1 ? "by 1 vehicle" : "by " + day.vehicles + " vehicles";
    const minutes = Math.round(day.drivingSeconds / 60);
    document.getElementById("today-driving").textContent = Math.floor(minutes / 60) + " h " + String(minutes % 60).padStart(2, "0") + " min";
    document.getElementById("today-trips").textContent = String(day.trips);
    document.getElementById("today-stops").textContent = String(day.stops);
    document.getElementById("today-report").href = "/reports?kind=SUMMARY&from=" + day.day + "&to=" + day.day
      + "&zone=" + encodeURIComponent(day.zone) + "&units=metric";
  }

  today();
  setInterval(today, 60000); // trips close while nothing else changes
  positions(); // at once: not after the event stream opens
  F.onOpen(refresh);
  F.on("alert", refresh);
  F.on("device", refresh);
  // positions move with the readings: redrawn with the server's ingest pushes, at most every 30 s
  F.on("ingest", function (rate) {
    document.getElementById("ingest-rate").textContent = rate.readingsPerSecond.toFixed(1);
    if (rate.readingsPerSecond > 0 && Date.now() - positionsAt > 30000) {
      positionsAt = Date.now();
      positions();
    }
  });
})(window.Fleetmesh);
