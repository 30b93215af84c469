/* The alerts page: a raised alert appears at the top, a change (count, acknowledged, resolved) updates its row. */
"use strict";
(function (F) {
  const table = document.querySelector("table.alerts");
  const token = document.querySelector('meta[name="csrf-token"]');
  const parameter = document.querySelector('meta[name="csrf-parameter"]');

  F.on("alert", show);

  // the newest alerts are read back and shown as if they had just arrived (oldest first, so the newest is on top)
  F.onOpen(function () {
    F.json("/api/v1/alerts?limit=50").then(function (page) {
      page.items.slice().reverse().forEach(function (a) {
        show({ alertId: a.id, deviceId: a.deviceId, ruleId: a.ruleId, severity: a.severity, state: a.state,
          count: a.count, lastRaisedAt: a.lastRaisedAt });
      });
    });
  });

  function show(alert) {
    let row = table.querySelector('tr[data-alert="' + CSS.escape(alert.alertId) + '"]');
    if (!row) {
      if (document.body.dataset.filtered === "true" || alert.state === "RESOLVED") {
        return;
      }
      row = newRow(alert);
    }
    row.querySelector(".raised").replaceChildren(F.timeEl(alert.lastRaisedAt));
    row.querySelector(".count").textContent = String(alert.count);
    row.querySelector(".state").textContent = alert.state;
    const form = row.querySelector("form.handle");
    if (form && alert.state !== "ACTIVE") {
      const acknowledge = form.querySelector("button:not([formaction])");
      if (acknowledge) {
        acknowledge.remove();
      }
    }
    if (form && alert.state === "RESOLVED") {
      form.remove();
    }
  }

  function newRow(alert) {
    const row = F.el("tr");
    row.dataset.alert = alert.alertId;
    const device = F.el("td");
    const link = F.el("a", alert.deviceId);
    link.href = "/devices/" + encodeURIComponent(alert.deviceId);
    device.append(link);
    const handling = F.el("td", null, "handling");
    handling.append(form(alert.alertId));
    row.append(F.el("td", "", "raised"), device, F.el("td", alert.severity, "severity " + alert.severity),
      F.el("td", alert.ruleId), F.el("td", "", "count"), F.el("td", "", "state"), F.el("td", ""), handling);
    table.tBodies[0].prepend(row);
    table.hidden = false;
    document.querySelector('[data-empty-for="alerts"]').hidden = true;
    return row;
  }

  function form(id) {
    const path = "/alerts/" + encodeURIComponent(id);
    const form = F.el("form", null, "handle");
    form.method = "post";
    form.action = path + "/acknowledge";
    const csrf = F.el("input");
    csrf.type = "hidden";
    csrf.name = parameter.content;
    csrf.value = token.content;
    const label = F.el("label", "Comment");
    label.htmlFor = "comment-" + id;
    const comment = F.el("input");
    comment.id = label.htmlFor;
    comment.name = "comment";
    comment.maxLength = 1000;
    const acknowledge = F.el("button", "Acknowledge");
    acknowledge.type = "submit";
    const resolve = F.el("button", "Resolve");
    resolve.type = "submit";
    resolve.setAttribute("formaction", path + "/resolve");
    form.append(csrf, label, comment, acknowledge, resolve);
    return form;
  }
})(window.Fleetmesh);
