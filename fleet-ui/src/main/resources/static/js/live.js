/* Fleetmesh dashboard: what every page shares. Pages work without scripts; with them, they update live from
   server-sent events (/api/v1/events) and never poll. Text from the server is only ever set as textContent. */
"use strict";
window.Fleetmesh = (function () {
  const handlers = {};
  const resyncs = [];
  let source = null;

  function on(kind, handler) {
    (handlers[kind] = handlers[kind] || []).push(handler);
    if (!source) {
      connect();
    }
  }

  /**
   * The stream is live only: what changed between the page's rendering (or a lost connection) and the stream's
   * opening is read back from the API by each page's resync, called on every opening.
   */
  function onOpen(resync) {
    resyncs.push(resync);
    if (!source) {
      connect();
    }
  }

  function connect() {
    source = new EventSource("/api/v1/events");
    const state = document.getElementById("live-state");
    source.onopen = function () {
      show(state, "Live", "ok");
      resyncs.forEach(function (resync) { resync(); });
    };
    source.onerror = function () { show(state, "Reconnecting…", "problem"); };
    ["alert", "command", "device", "ingest", "import"].forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        const data = JSON.parse(event.data);
        (handlers[kind] || []).forEach(function (handler) { handler(data); });
      });
    });
  }

  function show(element, text, tone) {
    if (element) {
      element.hidden = false;
      element.textContent = text;
      element.className = "live-state " + tone;
    }
  }

  function el(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) {
      element.textContent = String(text);
    }
    if (className) {
      element.className = className;
    }
    return element;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + " answered " + r.status);
      }
      return r.json();
    });
  }

  /** Runs fn at most once per delay, at its end: a burst of events costs one request. */
  function debounce(fn, delay) {
    let timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, delay);
    };
  }

  function metricsText(metrics) {
    return Object.keys(metrics || {}).map(function (k) { return k + " " + metrics[k]; }).join(", ");
  }

  /** A server time in the operator's own time zone (the browser's), to the second. */
  function time(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "";
  }

  /** How long ago: "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "in 4 s" for a clock ahead of ours. */
  function ago(iso, now) {
    const seconds = Math.round(((now || Date.now()) - Date.parse(iso)) / 1000);
    const span = Math.abs(seconds);
    const text = span < 60 ? span + " s" : span < 3600 ? Math.floor(span / 60) + " min"
      : span < 86400 ? Math.floor(span / 3600) + " h" : Math.floor(span / 86400) + " d";
    return seconds < 0 ? "in " + text : text + " ago";
  }

  /** A time element for a server time: local time as its text and how long ago as its title, or (show "ago") the reverse. */
  function timeEl(iso, show) {
    const element = el("time", time(iso));
    element.dateTime = iso || "";
    if (show) {
      element.dataset.show = show;
    }
    freshen(element);
    return element;
  }

  /** Server-rendered <time datetime> elements show local time and their age (a following .ago), kept current. */
  function freshen(element) {
    if (!element.dateTime) {
      return;
    }
    if (element.dataset.show === "ago") { // where space is short: the age as text, the time on hover
      element.textContent = ago(element.dateTime);
      element.title = time(element.dateTime);
      return;
    }
    if (!element.dataset.local) {
      element.dataset.local = "1";
      element.textContent = time(element.dateTime);
    }
    element.title = ago(element.dateTime);
    const next = element.nextElementSibling;
    if (next && next.classList.contains("ago")) {
      next.textContent = element.title;
    }
  }

  function freshenAll() {
    document.querySelectorAll("time[datetime]").forEach(freshen);
  }

  document.addEventListener("DOMContentLoaded", freshenAll);
  setInterval(freshenAll, 5000);

  return { on: on, onOpen: onOpen, el: el, json: json, debounce: debounce, metricsText: metricsText, time: time,
    ago: ago, timeEl: timeEl, freshen: freshen };
})();
