/* A channel's series as charts that read: one chart per catalogue chart group (temp and compressorTemp never share
   one), one y axis per unit within a chart, a checkbox per metric to show or hide it, and the chart's data as a CSV
   download from /api/v1/devices/{id}/telemetry/series.csv. Uses uPlot; text is only ever set as textContent. */
"use strict";
window.FleetmeshCharts = (function (F, M) {
  const COLOURS = ["#0b63b6", "#b6410b", "#2d7d32", "#7b1fa2", "#8a5a00", "#00838f"];
  const HEIGHT = 220;

  /** The channel's charted metrics by chart group, groups and metrics in the catalogue's order. */
  function groups(series, catalogue) {
    const byGroup = {};
    const order = [];
    Object.keys(series.metrics).sort(function (a, b) {
      return catalogue.rank(series.channel, a) - catalogue.rank(series.channel, b) || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (name) {
      const group = M.chartOf(catalogue.find(series.channel, name), name);
      if (group && !byGroup[group]) {
        byGroup[group] = [];
        order.push(group);
      }
      if (group) {
        byGroup[group].push(name);
      }
    });
    return order.map(function (group) { return { name: group, metrics: byGroup[group] }; });
  }

  /** One scale (and axis) per unit; a metric without a known unit gets one of its own. */
  function scaleOf(entry, name) {
    return entry ? entry.unit || "no unit" : "metric " + name;
  }

  /** The figure's own width (a grid cell: one column on a phone, two on a desktop). */
  function width(figure) {
    return Math.max(240, Math.min(900, figure.clientWidth || 600));
  }

  /** Draws the series' charts into holder; answers them, for live updates. */
  function draw(holder, series, catalogue, csv) {
    return groups(series, catalogue).map(function (group) {
      return chart(holder, series, catalogue, group, csv);
    });
  }

  function chart(holder, series, catalogue, group, csv) {
    const metrics = group.metrics.map(function (name, i) {
      const entry = catalogue.find(series.channel, name);
      return { name: name, entry: entry, label: entry ? entry.label : name, scale: scaleOf(entry, name),
        colour: COLOURS[i % COLOURS.length] };
    });
    const figure = figureFor(holder, series, group, metrics, csv);
    const data = [series.times.map(function (t) { return Date.parse(t) / 1000; })]
      .concat(metrics.map(function (m) { return series.metrics[m.name]; }));
    const toggles = togglesFor(figure, metrics);
    const options = optionsFor(figure, metrics, toggles);
    const plot = new uPlot(options, data, figure);
    toggles.forEach(function (t, i) {
      t.box.addEventListener("change", function () { plot.setSeries(i + 1, { show: t.box.checked }); });
    });
    figure.append(csvLink(csv, series.channel, group.metrics));
    readout(plot, metrics, toggles);
    return { channel: series.channel, names: group.metrics, data: data, plot: plot, figure: figure,
      refresh: function () { readout(plot, metrics, toggles); } };
  }

  function figureFor(holder, series, group, metrics, csv) {
    const figure = F.el("figure", null, "chart");
    Object.assign(figure.dataset, { channel: series.channel, chart: series.channel + "/" + group.name,
      metrics: group.metrics.join(" "), scales: unique(metrics.map(function (m) { return m.scale; })).join("|"),
      bucketSeconds: String(series.bucketSeconds), points: String(series.times.length) });
    figure.append(F.el("figcaption", series.channel + ": " + metrics.map(function (m) { return m.label; }).join(", ")
      + " (averages per " + series.bucketSeconds + " s" + (csv.live ? ", then live)" : ")")));
    holder.append(figure);
    return figure;
  }

  /** uPlot's own legend is off: its toggles are not reachable by keyboard; the checkboxes show the values instead. */
  function optionsFor(figure, metrics, toggles) {
    const scales = unique(metrics.map(function (m) { return m.scale; }));
    return { width: width(figure), height: HEIGHT, scales: scaleOptions(scales), legend: { show: false },
      series: [{}].concat(metrics.map(function (m) {
        return { label: m.label, scale: m.scale, stroke: m.colour, width: 2, spanGaps: true };
      })),
      axes: [{}].concat(scales.map(axis)),
      hooks: { setSeries: [function (u, index) { sync(toggles, u, index); }],
        setCursor: [function (u) { readout(u, metrics, toggles); }] } };
  }

  function scaleOptions(scales) {
    const options = { x: { time: true } };
    scales.forEach(function (scale) { options[scale] = { auto: true }; });
    return options;
  }

  /** The first unit's axis on the left with the grid, the second on the right, and so on. */
  function axis(scale, i) {
    return { scale: scale, side: i % 2 ? 1 : 3, label: scale.indexOf(" ") < 0 ? scale : "", grid: { show: i === 0 },
      size: 60 };
  }

  /** A labelled checkbox per metric, with the value under the cursor (else the newest) beside it. */
  function togglesFor(figure, metrics) {
    const set = F.el("fieldset", null, "toggles");
    const at = F.el("span", "", "at");
    const legend = F.el("legend", "Shown");
    set.append(legend);
    const toggles = metrics.map(function (m) {
      const box = F.el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "show-" + figure.dataset.chart.replace(/[^A-Za-z0-9_-]/g, "-") + "-" + m.name;
      box.dataset.metric = m.name;
      const label = F.el("label", m.label + (m.entry && m.entry.unit ? " (" + m.entry.unit + ")" : ""));
      label.htmlFor = box.id;
      const line = F.el("span", null, "toggle");
      line.dataset.metric = m.name;
      line.style.setProperty("--series", m.colour);
      const value = F.el("span", "", "value");
      line.append(box, label, value);
      set.append(line);
      return { box: box, line: line, value: value };
    });
    set.append(at);
    figure.append(set);
    toggles.at = at;
    return toggles;
  }

  /** Follows uPlot's state, however it changed: the checkbox, and the line's "off" look. */
  function sync(toggles, plot, index) {
    const toggle = toggles[index - 1];
    if (toggle) {
      toggle.box.checked = plot.series[index].show;
      toggle.line.classList.toggle("off", !plot.series[index].show);
    }
  }

  function readout(plot, metrics, toggles) {
    const hovered = plot.cursor.idx !== null && plot.cursor.idx !== undefined;
    const index = hovered ? plot.cursor.idx : plot.data[0].length - 1;
    toggles.at.textContent = index < 0 ? ""
      : (hovered ? "" : "newest, ") + F.time(new Date(plot.data[0][index] * 1000).toISOString());
    metrics.forEach(function (m, i) {
      const v = index >= 0 ? plot.data[i + 1][index] : null;
      toggles[i].value.textContent = v === null || v === undefined ? "–" : M.number(m.entry, v);
    });
  }

  /** The link's address is made when it is followed: a live range ends then, not when the chart was drawn. */
  function csvLink(csv, channel, metrics) {
    const link = F.el("a", "Download CSV", "csv");
    link.download = "";
    const address = function () {
      const to = csv.live ? new Date() : csv.to;
      return csv.base + "/telemetry/series.csv?channel=" + encodeURIComponent(channel) + "&from="
        + encodeURIComponent(csv.from.toISOString()) + "&to=" + encodeURIComponent(to.toISOString())
        + metrics.map(function (m) { return "&metric=" + encodeURIComponent(m); }).join("");
    };
    link.href = address();
    link.addEventListener("click", function () { link.href = address(); });
    return link;
  }

  /** A live reading extends its channel's charts (not older than what they show: a duplicate or a backlog). */
  function append(charts, reading) {
    const t = Date.parse(reading.ts) / 1000;
    charts.filter(function (c) { return c.channel === reading.channel; }).forEach(function (c) {
      const times = c.data[0];
      if (times.length && t <= times[times.length - 1]) {
        return;
      }
      times.push(t);
      c.names.forEach(function (name, i) {
        const value = reading.metrics[name];
        c.data[i + 1].push(typeof value === "number" ? value : null);
      });
      c.plot.setData(c.data);
      c.figure.dataset.points = String(times.length);
      c.refresh();
    });
  }

  function resize(charts) {
    charts.forEach(function (c) { c.plot.setSize({ width: width(c.figure), height: HEIGHT }); });
  }

  function unique(values) {
    return values.filter(function (v, i) { return values.indexOf(v) === i; });
  }

  return { draw: draw, append: append, resize: resize };
})(window.Fleetmesh, window.FleetmeshMetrics);
