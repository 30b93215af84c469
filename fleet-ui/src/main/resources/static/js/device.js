/* A device's page: its latest values as labelled fields with units, charts of its channels over the range the
   operator picks (last hour, day, week, or from-to), its track with replay, and everything live: readings from
   /api/v1/devices/{id}/telemetry/live, presence from /api/v1/events. Values are formatted by the metric catalogue
   (metrics.js) in the operator's locale; times are the operator's (live.js). */
"use strict";
(function (F, M, C) {
  const device = document.body.dataset.device;
  const base = "/api/v1/devices/" + encodeURIComponent(device);
  const holder = document.getElementById("charts");
  let catalogue = M.catalogue(null);
  let charts = [];
  let range = { seconds: 3600 };
  let track = null;
  let loads = 0;
  let replayOnDraw = false; // a trip's Replay button: the track of its period, replayed once drawn

  /** The range as from-to; a relative one ends now and keeps following live readings. */
  function span() {
    if (range.seconds) {
      const to = new Date();
      return { from: new Date(to.getTime() - range.seconds * 1000), to: to, live: true, base: base };
    }
    return { from: range.from, to: range.to, live: false, base: base };
  }

  function load() {
    const shown = span();
    const current = ++loads; // answers to an earlier range, still on their way, are dropped
    holder.replaceChildren();
    charts = [];
    describe(shown);
    F.json(base + "/telemetry/latest").then(function (latest) {
      const channels = Object.keys(latest.channels);
      channels.forEach(function (c) { updateLatest(Object.assign({ channel: c }, latest.channels[c])); });
      if (!channels.length) {
        holder.append(F.el("p", "No readings to chart yet.", "empty"));
      }
      return Promise.all(channels.map(function (channel) { return loadChannel(channel, shown, current); }));
    }).then(function () {
      if (current === loads) {
        holder.dataset.loads = String(current);
      }
    }).catch(function (e) { holder.append(F.el("p", "Charts unavailable: " + e.message, "problem")); });
    loadTrack(shown, current);
  }

  /** Each channel has its place, in name order, whichever series answers first. */
  function loadChannel(channel, shown, current) {
    const place = F.el("div", null, "channel-charts");
    place.dataset.channel = channel;
    holder.append(place);
    return F.json(base + "/telemetry/series?channel=" + encodeURIComponent(channel) + "&from="
      + encodeURIComponent(shown.from.toISOString()) + "&to=" + encodeURIComponent(shown.to.toISOString()))
      .then(function (series) {
        if (current === loads) {
          charts = charts.concat(C.draw(place, series, catalogue, shown));
        }
      });
  }

  function describe(shown) {
    document.getElementById("range-shown").textContent = "Showing " + F.time(shown.from.toISOString()) + " – "
      + (shown.live ? "now, then live" : F.time(shown.to.toISOString()));
  }

  function addReading(reading) {
    updateLatest(reading);
    if (reading.channel === "gps") {
      extendTrack(reading);
    }
    if (range.seconds) {
      C.append(charts, reading);
    }
  }

  /** A channel's newest reading replaces its fields, as the server's latest values do; an older one is ignored. */
  function updateLatest(reading) {
    const section = channelSection(reading.channel);
    const time = section.querySelector("time");
    if (time.dateTime && Date.parse(time.dateTime) > Date.parse(reading.ts)) {
      return;
    }
    time.dateTime = reading.ts;
    time.dataset.local = "1";
    time.textContent = F.time(reading.ts);
    F.freshen(time);
    show(section.querySelector("dl"), fields(reading.channel, reading.metrics));
  }

  /** The same metrics as shown: only their texts change (what is read stays put); others: the list is redrawn. */
  function show(list, drawn) {
    const shown = Array.from(list.children);
    const same = shown.length === drawn.length && drawn.every(function (field, i) {
      return shown[i].dataset.metric === field.dataset.metric;
    });
    if (!same) {
      list.replaceChildren(...drawn);
      return;
    }
    drawn.forEach(function (field, i) {
      ["dt", "dd"].forEach(function (part) {
        const text = field.querySelector(part).textContent;
        if (shown[i].querySelector(part).textContent !== text) {
          shown[i].querySelector(part).textContent = text;
        }
      });
    });
  }

  function fields(channel, metrics) {
    return Object.keys(metrics).sort(function (a, b) {
      return catalogue.rank(channel, a) - catalogue.rank(channel, b) || (a < b ? -1 : a > b ? 1 : 0);
    }).map(function (name) {
      const entry = catalogue.find(channel, name);
      const field = F.el("div", null, entry ? "field" : "field unknown");
      field.dataset.metric = name;
      field.append(F.el("dt", entry ? entry.label : name), F.el("dd", M.format(entry, metrics[name])));
      return field;
    });
  }

  /** The channel's section of the latest values, made (in name order) for a channel seen first live. */
  function channelSection(channel) {
    const latest = document.getElementById("latest");
    const found = latest.querySelector('[data-channel="' + CSS.escape(channel) + '"]');
    if (found) {
      return found;
    }
    const section = F.el("section", null, "channel");
    section.dataset.channel = channel;
    const when = F.el("p", null, "when");
    when.append(F.el("time", "", "ts"), " ", F.el("span", "", "ago"));
    section.append(F.el("h3", channel), when, F.el("dl"));
    const after = Array.from(latest.children).find(function (s) { return s.dataset.channel > channel; });
    latest.insertBefore(section, after || null);
    latest.hidden = false;
    document.querySelectorAll('[data-empty-for="latest"]').forEach(function (p) { p.hidden = true; });
    return section;
  }

  /** The newest 10,000 positions of the range (a day of 5 s positions is more), oldest first. */
  function loadTrack(shown, current) {
    if (typeof L === "undefined") {
      return;
    }
    F.json(base + "/telemetry?channel=gps&order=desc&limit=10000&from=" + encodeURIComponent(shown.from.toISOString())
      + "&to=" + encodeURIComponent(shown.to.toISOString())).then(function (page) {
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
    if (replayOnDraw && points.length) {
      replayOnDraw = false;
      replay();
    }
  }

  /** Each trip's button shows the charts and track of its period, and replays it. */
  function replayTrips() {
    document.querySelectorAll("button.replay-trip").forEach(function (button) {
      button.addEventListener("click", function () {
        range = { from: new Date(button.dataset.from), to: new Date(new Date(button.dataset.to).getTime() + 1000) };
        pressed(null);
        replayOnDraw = true;
        load();
        document.getElementById("map").scrollIntoView({ block: "center" });
      });
    });
  }

  function extendTrack(reading) {
    if (!track || !range.seconds || typeof reading.metrics.lat !== "number") {
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
        document.getElementById("map").dataset.replayed = String(track.points.length);
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

  /** A datetime-local input's value for a time: the operator's local time, to the second. */
  function localInput(date) {
    const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 19);
  }

  function pressed(button) {
    document.querySelectorAll("[data-range]").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
  }

  function pickRanges() {
    document.querySelectorAll("[data-range]").forEach(function (button) {
      button.addEventListener("click", function () {
        range = { seconds: Number(button.dataset.range) };
        pressed(button);
        load();
      });
    });
    const form = document.getElementById("custom-range");
    form.elements.from.value = localInput(new Date(Date.now() - 3600 * 1000));
    form.elements.to.value = localInput(new Date());
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const from = new Date(form.elements.from.value);
      const to = new Date(form.elements.to.value);
      const problem = isNaN(from) || isNaN(to) ? "Give both times." : from >= to ? "From must be before To." : "";
      document.getElementById("range-problem").textContent = problem;
      if (!problem) {
        range = { from: from, to: to };
        pressed(null);
        load();
      }
    });
    document.getElementById("chart-controls").hidden = false;
  }

  function start(view) {
    catalogue = M.catalogue(view);
    pickRanges();
    replayTrips();
    document.getElementById("replay-position").addEventListener("input", function (e) { place(Number(e.target.value)); });
    document.getElementById("replay-play").addEventListener("click", replay);
    window.addEventListener("resize", F.debounce(function () { C.resize(charts); }, 200));
    load();
    watch();
  }

  // without the catalogue the page still works: every metric shows unformatted, each on a chart of its own
  F.json("/api/v1/metric-catalogue").then(start, function () { start(null); });
})(window.Fleetmesh, window.FleetmeshMetrics, window.FleetmeshCharts);
