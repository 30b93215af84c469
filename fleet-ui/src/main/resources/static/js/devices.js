/* The devices page: the fleet list re-read from /api/v1/fleet (same filters, same page) whenever a device comes or
   goes, an alert changes, and at most every 10 s while readings arrive (speed, position, last seen). */
"use strict";
(function (F) {
  const table = document.getElementById("fleet");
  if (!table) {
    return;
  }
  const speed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const degrees = new Intl.NumberFormat(undefined, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const refresh = F.debounce(function () {
    const params = new URLSearchParams(window.location.search);
    params.set("limit", "50");
    F.json("/api/v1/fleet?" + params).then(function (page) {
      table.tBodies[0].replaceChildren.apply(table.tBodies[0], page.items.map(row));
    });
  }, 300);

  function row(d) {
    const tr = F.el("tr");
    tr.dataset.device = d.id;
    tr.append(device(d), status(d), seen(d), F.el("td", d.position && d.position.speed != null
      ? speed.format(d.position.speed) + " km/h" : "–", "speed"),
      F.el("td", d.position ? degrees.format(d.position.lat) + ", " + degrees.format(d.position.lon) : "–",
        "position secondary"),
      alerts(d), F.el("td", d.syncBacklog == null ? "–" : d.syncBacklog, "backlog secondary"),
      F.el("td", d.credentialsState, "credentials secondary"), F.el("td", d.kind, "secondary"),
      F.el("td", d.tags.join(", "), "secondary"));
    return tr;
  }

  function device(d) {
    const link = F.el("a");
    link.href = "/devices/" + encodeURIComponent(d.id);
    link.append(F.el("span", d.name), " ", F.el("small", d.id));
    return cell(link);
  }

  function status(d) {
    const td = cell(F.el("span", d.presence.toLowerCase().replace("_", " "), "presence " + d.presence), "status");
    if (d.since) {
      const since = F.el("small", "since ");
      since.append(F.timeEl(d.since, "ago"));
      td.append(" ", since);
    }
    return td;
  }

  function seen(d) {
    if (!d.lastSeen) {
      return F.el("td", "–", "seen");
    }
    const ago = F.el("small", F.ago(d.lastSeen), "ago");
    return cell(F.timeEl(d.lastSeen), "seen", ago);
  }

  function alerts(d) {
    if (!d.openAlerts) {
      return F.el("td", "0", "alerts");
    }
    const link = F.el("a", d.openAlerts, "severity " + d.worstAlert);
    link.href = "/alerts?device=" + encodeURIComponent(d.id);
    return cell(link, "alerts");
  }

  function cell(content, className, extra) {
    const td = F.el("td", null, className);
    td.append(content);
    if (extra) {
      td.append(" ", extra);
    }
    return td;
  }

  F.onOpen(refresh);
  F.on("device", refresh);
  F.on("alert", refresh);
  let readAt = Date.now();
  F.on("ingest", function (rate) {
    if (rate.readingsPerSecond > 0 && Date.now() - readAt > 10000) {
      readAt = Date.now();
      refresh();
    }
  });
})(window.Fleetmesh);
