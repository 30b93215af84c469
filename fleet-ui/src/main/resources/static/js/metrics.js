/* The metric catalogue in the browser: a metric's entry (its channel's, else the one for any channel, "*"), and a
   value as the operator reads it, in the operator's own locale: "-17.7 °C", "2,424 rpm", "closed". Pure: no DOM.
   The server renders the page's first values the same way (catalogue/MetricFormat.java): keep the two alike. */
"use strict";
window.FleetmeshMetrics = (function () {
  /** Intl.NumberFormat per precision, made once; without a precision its default (at most 3 decimals). */
  const formats = {};

  /** The catalogue of GET /api/v1/metric-catalogue, with lookups. */
  function catalogue(view) {
    const positions = {};
    const entries = (view && view.entries) || [];
    entries.forEach(function (entry, i) { positions[entry.channel + "/" + entry.metric] = i; });
    function position(channel, metric) {
      const exact = positions[channel + "/" + metric];
      return exact !== undefined ? exact : positions["*/" + metric];
    }
    return {
      find: function (channel, metric) {
        const at = position(channel, metric);
        return at === undefined ? null : entries[at];
      },
      /** Where the metric's entry is listed; unknown metrics after every known one. */
      rank: function (channel, metric) {
        const at = position(channel, metric);
        return at === undefined ? Number.MAX_SAFE_INTEGER : at;
      }
    };
  }

  function numberFormat(precision) {
    const key = precision === null || precision === undefined ? "default" : String(precision);
    if (!formats[key]) {
      formats[key] = key === "default" ? new Intl.NumberFormat(undefined)
        : new Intl.NumberFormat(undefined, { minimumFractionDigits: precision, maximumFractionDigits: precision });
    }
    return formats[key];
  }

  /** "74 km/h", "-17.7 °C"; a percentage and an angle follow their number directly: "80%", "270°". */
  function withUnit(number, unit) {
    if (!unit) {
      return number;
    }
    return unit === "%" || unit === "°" ? number + unit : number + " " + unit;
  }

  /** A number with the entry's decimals and unit (a chart's axis and legend use this too). */
  function number(entry, value) {
    return withUnit(numberFormat(entry ? entry.precision : null).format(value), entry ? entry.unit : null);
  }

  /** A value as the text of an entry's states: "1" for 1 and 1.0, a string as is. */
  function stateKey(value) {
    return String(value);
  }

  /** The value as shown: its state's text, a formatted number, else as the device sent it (unknown metrics too). */
  function format(entry, value) {
    if (value === null || value === undefined) {
      return "";
    }
    if (!entry) {
      return typeof value === "string" ? value : JSON.stringify(value);
    }
    const states = entry.states;
    if (states && Object.prototype.hasOwnProperty.call(states, stateKey(value))) {
      return states[stateKey(value)];
    }
    if (typeof value !== "number" || !isFinite(value)) {
      return typeof value === "string" ? value : JSON.stringify(value);
    }
    return number(entry, value);
  }

  /**
   * The chart group a metric is drawn in: its entry's (none: not charted, e.g. lat, lon, door), or, for a metric
   * the catalogue does not know, a chart of its own (its unit is unknown, so it shares no axis).
   */
  function chartOf(entry, metric) {
    return entry ? entry.chart || null : "metric-" + metric;
  }

  return { catalogue: catalogue, format: format, number: number, withUnit: withUnit, chartOf: chartOf };
})();
