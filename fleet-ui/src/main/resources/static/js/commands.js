/* Command tables (a device's, the fleet's): each transition updates its row; a new command gets a row. */
"use strict";
(function (F) {
  const table = document.querySelector("table.commands");
  if (!table) {
    return;
  }
  const device = document.body.dataset.device;
  const withDevice = table.dataset.withDevice === "true";

  const terminal = ["SUCCEEDED", "FAILED", "EXPIRED", "CANCELLED", "REJECTED"];

  F.on("command", function (step) {
    if (device && step.deviceId !== device) {
      return;
    }
    let row = rowOf(step.commandId);
    if (!row && document.body.dataset.filtered === "true") {
      return;
    }
    if (!row) {
      row = newRow(step);
    }
    row.querySelector(".state").textContent = step.state;
    const lifecycle = row.querySelector(".lifecycle");
    lifecycle.append(F.el("span", (lifecycle.childElementCount ? " → " : "") + step.state + " (" + step.source + ")"));
    if (fanout) {
      progress();
    }
  });

  const fanout = document.body.dataset.fanout;
  const progress = F.debounce(function () {
    F.json("/api/v1/fanouts/" + encodeURIComponent(fanout)).then(function (view) {
      let finished = 0;
      Object.keys(view.states).forEach(function (state) {
        if (terminal.indexOf(state) >= 0) {
          finished += view.states[state];
        }
      });
      document.getElementById("fanout-progress").value = finished;
      document.getElementById("fanout-states").textContent = Object.keys(view.states)
        .map(function (s) { return s + "=" + view.states[s]; }).join(", ") + (view.finished ? " (finished)" : "");
    });
  }, 300);
  if (fanout) {
    F.onOpen(progress);
  }

  function rowOf(id) {
    return table.querySelector('tr[data-command="' + CSS.escape(id) + '"]');
  }

  // rows still in progress are read back, with their whole lifecycle
  F.onOpen(function () {
    table.querySelectorAll("tr[data-command]").forEach(function (row) {
      if (terminal.indexOf(row.querySelector(".state").textContent) < 0) {
        F.json("/api/v1/commands/" + encodeURIComponent(row.dataset.command)).then(function (command) {
          row.querySelector(".state").textContent = command.state;
          row.querySelector(".lifecycle").replaceChildren.apply(row.querySelector(".lifecycle"),
            command.transitions.map(function (t, i) {
              return F.el("span", (i ? " → " : "") + t.state + " (" + t.source + ")");
            }));
        });
      }
    });
  });

  function newRow(step) {
    const row = F.el("tr");
    row.dataset.command = step.commandId;
    const created = F.el("td");
    created.append(F.timeEl(step.at));
    row.append(created);
    if (withDevice) {
      const cell = F.el("td");
      const link = F.el("a", step.deviceId);
      link.href = "/devices/" + encodeURIComponent(step.deviceId);
      cell.append(link);
      row.append(cell);
    }
    row.append(F.el("td", step.type), F.el("td", "", "state"), F.el("td", "", "lifecycle"), F.el("td", ""));
    table.tBodies[0].prepend(row);
    table.hidden = false;
    const empty = document.querySelector('[data-empty-for="commands"]');
    if (empty) {
      empty.hidden = true;
    }
    return row;
  }
})(window.Fleetmesh);
