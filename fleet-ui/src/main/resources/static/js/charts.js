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

  function width(holder) {
    return Math.max(260, Math.min(900, holder.clientWidth || 900));
  }

  /** Draws the series' charts into holder; answers them, for live updates. */
  function draw(holder, series, catalogue, csv) {
    return groups(series, catalogue).map(function (group) {
      return chart(holder, series, catalogue, group, csv);
    });
  }

  function chart(holder, series, catalogue, group, csv) {
    const entries = group.metrics.map(function (n) { return catalogue.find(series.channel, n); });
    const labels = group.metrics.map(function (n, i) { return entries[i] ? entries[i].label : n; });
    const scales = unique(group.metrics.map(function (n, i) { return scaleOf(entries[i], n); }));
    const figure = F.el("figure", null, "chart");
    Object.assign(figure.dataset, { channel: series.channel, chart: series.channel + "/" + group.name,
      metrics: group.metrics.join(" "), scales: scales.join("|"), bucketSeconds: String(series.bucketSeconds),
      points: String(series.times.length) });
    figure.append(F.el("figcaption", series.channel + ": " + labels.join(", ") + " (averages per "
      + series.bucketSeconds + " s" + (csv.live ? ", then live)" : ")")));
    holder.append(figure);
    const data = [series.times.map(function (t) { return Date.parse(t) / 1000; })]
      .concat(group.metrics.map(function (n) { return series.metrics[n]; }));
    const options = { width: width(holder), height: HEIGHT, scales: scaleOptions(scales),
      series: [{}].concat(group.metrics.map(function (n, i) {
        return { label: labels[i], scale: scaleOf(entries[i], n), stroke: COLOURS[i % COLOURS.length], width: 2,
          spanGaps: true, value: function (u, v) { return v === null || v === undefined ? "–" : M.number(entries[i], v); } };
      })),
      axes: [{}].concat(scales.map(axis)) };
    const toggles = togglesFor(figure, group.metrics, labels, entries);
    options.hooks = { setSeries: [function (u, index) { sync(toggles, u, index); }] };
    const plot = new uPlot(options, data, figure);
    toggles.forEach(function (box, i) {
      box.addEventListener("change", function () { plot.setSeries(i + 1, { show: box.checked }); });
    });
    figure.append(csvLink(csv, series.channel, group.metrics));
    return { channel: series.channel, names: group.metrics, data: data, plot: plot, figure: figure };
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

  /** A labelled checkbox per metric: uPlot's own legend toggles are not reachable by keyboard. */
  function togglesFor(figure, names, labels, entries) {
    const set = F.el("fieldset", null, "toggles");
    set.append(F.el("legend", "Shown"));
    const boxes = names.map(function (name, i) {
      const box = F.el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "show-" + figure.dataset.chart.replace(/[^A-Za-z0-9_-]/g, "-") + "-" + name;
      box.dataset.metric = name;
      const label = F.el("label", labels[i] + (entries[i] && entries[i].unit ? " (" + entries[i].unit + ")" : ""));
      label.htmlFor = box.id;
      const line = F.el("span", null, "toggle");
      line.style.setProperty("--series", COLOURS[i % COLOURS.length]);
      line.append(box, label);
      set.append(line);
      return box;
    });
    figure.append(set);
    return boxes;
  }

  function sync(toggles, plot, index) {
    const box = toggles[index - 1];
    if (box) {
      box.checked = plot.series[index].show;
    }
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
    });
  }

  function resize(charts, holder) {
    charts.forEach(function (c) { c.plot.setSize({ width: width(holder), height: HEIGHT }); });
  }

  function unique(values) {
    return values.filter(function (v, i) { return values.indexOf(v) === i; });
  }

  return { draw: draw, append: append, resize: resize };
})(window.Fleetmesh, window.FleetmeshMetrics);
