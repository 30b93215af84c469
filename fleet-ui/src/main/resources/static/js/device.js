/* A device's page: charts of its channels over the last hour or day, its track with replay, and everything live:
   readings from /api/v1/devices/{id}/telemetry/live, presence from /api/v1/events. */
"use strict";
(function (F) {
  const device = document.body.dataset.device;
  const base = "/api/v1/devices/" + encodeURIComponent(device);
  const charts = {};
  let range = 3600;
  let track = null;
  let loads = 0;

  function load() {
    const from = new Date(Date.now() - range * 1000).toISOString();
    const current = ++loads; // answers to an earlier range, still on their way, are dropped
    const holder = document.getElementById("charts");
    holder.replaceChildren();
    Object.keys(charts).forEach(function (k) { delete charts[k]; });
    F.json(base + "/telemetry/latest").then(function (latest) {
      const channels = Object.keys(latest.channels).filter(function (c) { return c !== "gps"; });
      if (!channels.length) {
        holder.append(F.el("p", "No readings to chart yet.", "empty"));
      }
      channels.forEach(function (channel) {
        F.json(base + "/telemetry/series?channel=" + encodeURIComponent(channel) + "&from=" + encodeURIComponent(from))
          .then(function (series) {
            if (current === loads) {
              chart(holder, series);
            }
          });
      });
    }).catch(function (e) { holder.append(F.el("p", "Charts unavailable: " + e.message, "problem")); });
    loadTrack(from, current);
  }

  function chart(holder, series) {
    const names = Object.keys(series.metrics);
    if (!names.length) {
      return;
    }
    const figure = F.el("figure", null, "chart");
    figure.dataset.channel = series.channel;
    figure.append(F.el("figcaption", series.channel + " (averages per " + series.bucketSeconds + " s, then live)"));
    holder.append(figure);
    const data = [series.times.map(function (t) { return Date.parse(t) / 1000; })]
      .concat(names.map(function (n) { return series.metrics[n]; }));
    const options = { width: Math.min(900, holder.clientWidth || 900), height: 220, series: [{}].concat(names.map(
      function (n, i) { return { label: n, stroke: ["#0b63b6", "#b6410b", "#2d7d32", "#7b1fa2"][i % 4], spanGaps: true }; })) };
    charts[series.channel] = { names: names, data: data, plot: new uPlot(options, data, figure) };
  }

  function addReading(reading) {
    updateLatest(reading);
    if (reading.channel === "gps") {
      return extendTrack(reading);
    }
    const chartOf = charts[reading.channel];
    if (!chartOf) {
      return;
    }
    const t = Date.parse(reading.ts) / 1000;
    const times = chartOf.data[0];
    if (times.length && t <= times[times.length - 1]) {
      return; // a duplicate, or a backlog older than what is shown
    }
    times.push(t);
    chartOf.names.forEach(function (name, i) {
      const value = reading.metrics[name];
      chartOf.data[i + 1].push(typeof value === "number" ? value : null);
    });
    chartOf.plot.setData(chartOf.data);
    const figure = chartOf.plot.root.closest("figure");
    figure.dataset.points = String(times.length);
  }

  function updateLatest(reading) {
    const table = document.getElementById("latest");
    let row = table.querySelector('tr[data-channel="' + CSS.escape(reading.channel) + '"]');
    if (!row) {
      row = F.el("tr");
      row.dataset.channel = reading.channel;
      row.append(F.el("td", reading.channel), F.el("td", "", "ts"), F.el("td", "", "values"));
      table.tBodies[0].append(row);
      table.hidden = false;
    }
    const shown = row.querySelector(".ts").textContent;
    if (shown && Date.parse(shown) > Date.parse(reading.ts)) {
      return;
    }
    row.querySelector(".ts").textContent = reading.ts;
    row.querySelector(".values").textContent = JSON.stringify(reading.metrics);
  }

  /** The newest 10,000 positions of the range (a day of 5 s positions is more), oldest first. */
  function loadTrack(from, current) {
    if (typeof L === "undefined") {
      return;
    }
    F.json(base + "/telemetry?channel=gps&order=desc&limit=10000&from=" + encodeURIComponent(from)).then(function (page) {
      const points = page.items.filter(function (i) { return typeof i.metrics.lat === "number"; }).reverse()
        .map(function (i) { return { at: i.ts, latlng: [i.metrics.lat, i.metrics.lon] }; });
      if (current === loads) {
        drawTrack(points);
      }
    });
  }

  function drawTrack(points) {
    if (!track) {
      const map = L.map("map", { preferCanvas: true });
      const tiles = document.body.dataset.tiles;
      if (tiles) {
        L.tileLayer(tiles, { attribution: document.body.dataset.attribution || "" }).addTo(map);
      }
      track = { map: map, line: L.polyline([], { color: "#0b63b6" }).addTo(map),
        marker: L.circleMarker([0, 0], { radius: 7, color: "#b6410b" }).addTo(map), points: [] };
    }
    track.points = points;
    track.line.setLatLngs(points.map(function (p) { return p.latlng; }));
    const slider = document.getElementById("replay-position");
    slider.max = String(Math.max(0, points.length - 1));
    slider.value = slider.max;
    place(points.length - 1);
    if (points.length) {
      track.map.fitBounds(track.line.getBounds(), { maxZoom: 15, padding: [20, 20] });
    } else {
      track.map.setView([0, 0], 1);
    }
  }

  function extendTrack(reading) {
    if (!track || typeof reading.metrics.lat !== "number") {
      return;
    }
    const last = track.points[track.points.length - 1];
    if (last && Date.parse(last.at) >= Date.parse(reading.ts)) {
      return;
    }
    const slider = document.getElementById("replay-position");
    const following = slider.value === slider.max;
    track.points.push({ at: reading.ts, latlng: [reading.metrics.lat, reading.metrics.lon] });
    track.line.addLatLng([reading.metrics.lat, reading.metrics.lon]);
    slider.max = String(track.points.length - 1);
    if (following) {
      slider.value = slider.max;
      place(track.points.length - 1);
    }
  }

  function place(index) {
    const point = track && track.points[index];
    if (point) {
      track.marker.setLatLng(point.latlng);
      document.getElementById("replay-time").textContent = F.time(point.at);
    }
  }

  function replay() {
    const slider = document.getElementById("replay-position");
    let index = 0;
    const timer = setInterval(function () {
      slider.value = String(index);
      place(index);
      index += Math.max(1, Math.floor(track.points.length / 200));
      if (index >= track.points.length) {
        clearInterval(timer);
        slider.value = slider.max;
        place(track.points.length - 1);
      }
    }, 50);
  }

  function presence(online) {
    const shown = document.getElementById("presence");
    shown.textContent = online ? "online" : "offline";
    shown.className = online ? "ok" : "problem";
  }

  function watch() {
    const live = new EventSource(base + "/telemetry/live");
    live.addEventListener("reading", function (event) { addReading(JSON.parse(event.data)); });
    F.on("device", function (change) {
      if (change.deviceId === device) {
        presence(change.online);
      }
    });
    F.onOpen(function () {
      F.json(base + "/status").then(function (status) { presence(status.online); });
    });
  }

  document.querySelectorAll("[data-range]").forEach(function (button) {
    button.addEventListener("click", function () {
      range = Number(button.dataset.range);
      document.querySelectorAll("[data-range]").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      load();
    });
  });
  document.getElementById("replay-position").addEventListener("input", function (e) { place(Number(e.target.value)); });
  document.getElementById("replay-play").addEventListener("click", replay);
  load();
  watch();
})(window.Fleetmesh);
